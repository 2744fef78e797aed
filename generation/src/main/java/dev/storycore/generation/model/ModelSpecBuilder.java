package dev.storycore.generation.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds a {@link ModelSpec}. Defaults: name = id, family WAN, variant empty, no workflows (one is
 * required), active parameters = parameters, 16 fps, frame rule {@code 4k+1}, size multiple 16,
 * 81 frames at most and by default, 30 steps, guidance 5.0, {@link LatentGeometry#STANDARD},
 * {@link MemoryProfile#CONSERVATIVE}, no components and no memory figures. Not thread-safe; each
 * {@link #build()} copies the values.
 */
public final class ModelSpecBuilder {

    private final String id;
    private String name;
    private ModelFamily family = ModelFamily.WAN;
    private String variant = "";
    private final Set<Workflow> workflows = EnumSet.noneOf(Workflow.class);
    private double parametersBillions = Double.NaN;
    private double activeParametersBillions = Double.NaN;
    private final List<FrameSize> nativeSizes = new ArrayList<>();
    private int fps = 16;
    private FrameRule frameRule = FrameRule.FOUR_K_PLUS_ONE;
    private int sizeMultiple = 16;
    private int maxFrames = 81;
    private int defaultFrames = -1;
    private int defaultSteps = 30;
    private double defaultCfg = 5.0;
    private LatentGeometry latent = LatentGeometry.STANDARD;
    private MemoryProfile memory = MemoryProfile.CONSERVATIVE;
    private final List<ModelComponent> components = new ArrayList<>();
    private final List<MemoryFigure> memoryFigures = new ArrayList<>();

    ModelSpecBuilder(String id) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = id;
    }

    static ModelSpecBuilder from(ModelSpec spec) {
        var builder = new ModelSpecBuilder(spec.id()).name(spec.name()).family(spec.family()).variant(spec.variant())
                .parameters(spec.parametersBillions(), spec.activeParametersBillions()).fps(spec.fps())
                .frameRule(spec.frameRule()).sizeMultiple(spec.sizeMultiple()).maxFrames(spec.maxFrames())
                .defaultFrames(spec.defaultFrames()).defaultSteps(spec.defaultSteps()).defaultCfg(spec.defaultCfg())
                .latent(spec.latent()).memory(spec.memory());
        builder.workflows.addAll(spec.workflows());
        builder.nativeSizes.addAll(spec.nativeSizes());
        builder.components.addAll(spec.components());
        builder.memoryFigures.addAll(spec.memoryFigures());
        return builder;
    }

    /** Sets the display name. @param name the name @return this builder */
    public ModelSpecBuilder name(String name) {
        this.name = Objects.requireNonNull(name, "name");
        return this;
    }

    /** Sets the family. @param family the family @return this builder */
    public ModelSpecBuilder family(ModelFamily family) {
        this.family = Objects.requireNonNull(family, "family");
        return this;
    }

    /** Sets the variant. @param variant e.g. {@code T2V 1.3B} @return this builder */
    public ModelSpecBuilder variant(String variant) {
        this.variant = Objects.requireNonNull(variant, "variant");
        return this;
    }

    /** Adds supported workflows. @param more the workflows @return this builder */
    public ModelSpecBuilder workflows(Workflow... more) {
        for (Workflow workflow : more) {
            workflows.add(Objects.requireNonNull(workflow, "workflow"));
        }
        return this;
    }

    /** Sets the parameter count of a dense model. @param billions parameters @return this builder */
    public ModelSpecBuilder parameters(double billions) {
        return parameters(billions, billions);
    }

    /**
     * Sets the parameter counts of a mixture of experts.
     *
     * @param totalBillions  all experts together
     * @param activeBillions one step's expert
     * @return this builder
     */
    public ModelSpecBuilder parameters(double totalBillions, double activeBillions) {
        this.parametersBillions = totalBillions;
        this.activeParametersBillions = activeBillions;
        return this;
    }

    /** Adds native sizes, preferred first. @param sizes the sizes @return this builder */
    public ModelSpecBuilder nativeSizes(FrameSize... sizes) {
        for (FrameSize size : sizes) {
            nativeSizes.add(Objects.requireNonNull(size, "size"));
        }
        return this;
    }

    /** Sets the frame rate. @param fps frames per second @return this builder */
    public ModelSpecBuilder fps(int fps) {
        this.fps = fps;
        return this;
    }

    /** Sets the frame rule. @param frameRule the rule @return this builder */
    public ModelSpecBuilder frameRule(FrameRule frameRule) {
        this.frameRule = Objects.requireNonNull(frameRule, "frameRule");
        return this;
    }

    /** Sets the size multiple. @param sizeMultiple pixels @return this builder */
    public ModelSpecBuilder sizeMultiple(int sizeMultiple) {
        this.sizeMultiple = sizeMultiple;
        return this;
    }

    /** Sets the longest clip. @param maxFrames frames @return this builder */
    public ModelSpecBuilder maxFrames(int maxFrames) {
        this.maxFrames = maxFrames;
        return this;
    }

    /** Sets the default clip length (default: maxFrames). @param frames frames @return this builder */
    public ModelSpecBuilder defaultFrames(int frames) {
        this.defaultFrames = frames;
        return this;
    }

    /** Sets the default step count. @param steps steps @return this builder */
    public ModelSpecBuilder defaultSteps(int steps) {
        this.defaultSteps = steps;
        return this;
    }

    /** Sets the default guidance scale. @param cfg the scale @return this builder */
    public ModelSpecBuilder defaultCfg(double cfg) {
        this.defaultCfg = cfg;
        return this;
    }

    /** Sets the latent geometry. @param latent the geometry @return this builder */
    public ModelSpecBuilder latent(LatentGeometry latent) {
        this.latent = Objects.requireNonNull(latent, "latent");
        return this;
    }

    /** Sets the estimator constants. @param memory the profile @return this builder */
    public ModelSpecBuilder memory(MemoryProfile memory) {
        this.memory = Objects.requireNonNull(memory, "memory");
        return this;
    }

    /** Adds a component. @param component the component @return this builder */
    public ModelSpecBuilder component(ModelComponent component) {
        components.add(Objects.requireNonNull(component, "component"));
        return this;
    }

    /** Adds a published memory figure. @param figure the figure @return this builder */
    public ModelSpecBuilder memoryFigure(MemoryFigure figure) {
        memoryFigures.add(Objects.requireNonNull(figure, "figure"));
        return this;
    }

    /**
     * Builds the spec.
     *
     * @return the spec
     * @throws IllegalArgumentException naming the first bad parameter
     */
    public ModelSpec build() {
        if (Double.isNaN(parametersBillions)) {
            throw new IllegalArgumentException("parametersBillions is required");
        }
        int frames = defaultFrames < 0 ? maxFrames : defaultFrames;
        return new ModelSpec(id, name, family, variant, workflows, parametersBillions, activeParametersBillions,
                nativeSizes, fps, frameRule, sizeMultiple, maxFrames, frames, defaultSteps, defaultCfg, latent, memory,
                components, memoryFigures);
    }
}
