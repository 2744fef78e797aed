package dev.storycore.cli;

import dev.storycore.generation.backend.GenerationBackend;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.model.ModelFamily;
import dev.storycore.generation.model.ModelRegistry;
import dev.storycore.generation.workflow.GeneratorConfig;
import dev.storycore.generation.workflow.HunyuanVideoGenerator;
import dev.storycore.generation.workflow.ResilientVideoGenerator;
import dev.storycore.generation.workflow.WanVideoGenerator;
import dev.storycore.resilience.Clock;
import dev.storycore.resilience.Sleeper;
import java.util.List;

/**
 * The two generators of a run — HunyuanVideo and Wan — over the same backends, sharing one error
 * analytics; each shot goes to the generator of its model's family.
 *
 * @param hunyuan the HunyuanVideo generator
 * @param wan     the Wan generator
 * @param models  where a shot's model family is looked up
 */
record RunGenerators(ResilientVideoGenerator hunyuan, ResilientVideoGenerator wan, ModelRegistry models) {

    static RunGenerators create(GenerationBackend gpu, GenerationBackend placeholder, ModelRegistry models,
            GpuProfile gpuProfile, Clock clock, Sleeper sleeper, long seed) {
        GeneratorConfig base = GeneratorConfig.builder("run").models(models).gpu(gpuProfile).clock(clock)
                .sleeper(sleeper).random(new SeededRandom(seed)).build();
        return new RunGenerators(HunyuanVideoGenerator.create(gpu, placeholder, base),
                WanVideoGenerator.create(gpu, placeholder, base), models);
    }

    ResilientVideoGenerator route(Storyboard.Shot shot) {
        ModelFamily family = models.require(shot.request().modelId()).family();
        return switch (family) {
            case HUNYUAN -> hunyuan;
            case WAN -> wan;
        };
    }

    List<ResilientVideoGenerator> all() {
        return List.of(hunyuan, wan);
    }
}
