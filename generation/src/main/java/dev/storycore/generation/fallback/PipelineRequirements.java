package dev.storycore.generation.fallback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which components each known diffusers pipeline needs, from the pipelines' constructors. A pipeline
 * not in the table needs whatever its {@code model_index.json} lists with a class. Immutable and
 * thread-safe.
 *
 * <p>The table:
 * <ul>
 *   <li>WanPipeline, WanVACEPipeline, WanVideoToVideoPipeline: tokenizer, text_encoder, vae, scheduler,
 *       transformer;</li>
 *   <li>WanImageToVideoPipeline: the same, plus image_encoder and image_processor unless the index
 *       declares them {@code [null, null]} (Wan 2.2 I2V conditions on the image latents only);</li>
 *   <li>HunyuanVideoPipeline: text_encoder, tokenizer, transformer, vae, scheduler, text_encoder_2,
 *       tokenizer_2; HunyuanVideoImageToVideoPipeline adds image_processor;
 *       HunyuanVideoFramepackPipeline adds image_encoder and feature_extractor.</li>
 * </ul>
 * For every pipeline, any component the index lists with a class is needed too, and
 * {@code transformer_2} is needed whenever {@code boundary_ratio} is set (Wan 2.2 A14B's low-noise
 * expert).
 */
public final class PipelineRequirements {

    private record Rule(List<String> always, List<String> unlessDeclaredNull) {
    }

    private static final List<String> WAN = List.of("tokenizer", "text_encoder", "vae", "scheduler", "transformer");
    private static final List<String> HUNYUAN = List.of("text_encoder", "tokenizer", "transformer", "vae",
            "scheduler", "text_encoder_2", "tokenizer_2");

    private static final Map<String, Rule> KNOWN = Map.of(
            "WanPipeline", new Rule(WAN, List.of()),
            "WanVACEPipeline", new Rule(WAN, List.of()),
            "WanVideoToVideoPipeline", new Rule(WAN, List.of()),
            "WanImageToVideoPipeline", new Rule(WAN, List.of("image_encoder", "image_processor")),
            "HunyuanVideoPipeline", new Rule(HUNYUAN, List.of()),
            "HunyuanVideoImageToVideoPipeline", new Rule(plus(HUNYUAN, "image_processor"), List.of()),
            "HunyuanVideoFramepackPipeline",
            new Rule(plus(plus(HUNYUAN, "image_encoder"), "feature_extractor"), List.of()));

    private PipelineRequirements() {
    }

    /**
     * The pipeline classes with a table entry.
     *
     * @return the class names
     */
    public static Set<String> knownPipelines() {
        return KNOWN.keySet();
    }

    /**
     * The components a folder with this index needs, table entries first, then the index's own.
     *
     * @param index the parsed model_index.json
     * @return the required components in a stable order, each with its reason
     */
    public static List<RequiredComponent> requiredComponents(ModelIndex index) {
        Objects.requireNonNull(index, "index");
        String pipeline = index.pipelineClass();
        Map<String, String> required = new LinkedHashMap<>();
        Optional.ofNullable(KNOWN.get(pipeline)).ifPresent(rule -> {
            rule.always().forEach(name -> required.put(name, pipeline + " needs it"));
            for (String name : rule.unlessDeclaredNull()) {
                boolean declaredNull = index.component(name).map(entry -> !entry.declared()).orElse(false);
                if (!declaredNull) {
                    required.put(name, pipeline + " needs it unless model_index.json declares it [null, null]");
                }
            }
        });
        for (ModelIndex.Entry entry : index.components()) {
            if (entry.declared()) {
                required.putIfAbsent(entry.name(), "model_index.json lists it as " + entry.className());
            }
        }
        if (index.boundaryRatio().isPresent()) {
            required.putIfAbsent("transformer_2",
                    "boundary_ratio is set, so the low-noise expert transformer_2 is needed");
        }
        List<RequiredComponent> result = new ArrayList<>();
        required.forEach((name, reason) -> result.add(new RequiredComponent(name, reason)));
        return List.copyOf(result);
    }

    private static List<String> plus(List<String> names, String name) {
        List<String> more = new ArrayList<>(names);
        more.add(name);
        return List.copyOf(more);
    }
}
