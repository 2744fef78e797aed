package dev.storycore.generation.backend.sim;

import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.model.ModelSpec;
import dev.storycore.generation.model.Workflow;
import dev.storycore.generation.request.GenerationRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Decides what happens to one attempt and when: a chance fault drawn from the failure profile, and
 * the faults the request causes (missing input or model, corrupt weights, system RAM, GPU memory),
 * each placed at the point of the timeline where the real stack would hit it. The earliest wins.
 * Thread-safe: every attempt has its own random stream and run.
 */
final class Simulation {

    private final GpuSimulatorConfig config;
    private final GroundTruthMemory memory;
    private final int pid;

    Simulation(GpuSimulatorConfig config, GroundTruthMemory memory) {
        this.config = config;
        this.memory = memory;
        this.pid = 1000 + (int) ((Seeds.bits(config.seed(), "pid", 0) >>> 1) % 60_000);
    }

    /** What one attempt will do, fixed before it starts. */
    record Attempt(ReportContext context, Optional<FaultKind> chance, double chanceAt) {
    }

    /** The model side of a job. */
    record Plan(String label, String weightsFile, MemoryTrace trace, List<TimeModel.Segment> segments,
                double stepSeconds) {
    }

    /** A fault placed on the timeline. */
    record Fault(double at, FaultKind kind, String report) {
    }

    /**
     * Draws an attempt. The stream is keyed by shot id and the number of earlier attempts of that shot,
     * so concurrent shots cannot change each other's draws.
     */
    Attempt draw(GenerationJob job, long attemptOfShot) {
        SplittableRandom random = Seeds.stream(config.seed(), "attempt:" + job.shotId(), attemptOfShot);
        double draw = random.nextDouble();
        double at = 0.05 + 0.9 * random.nextDouble();
        String promptId = new UUID(random.nextLong() & 0xffffffffffff0fffL | 0x4000L,
                random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L).toString();
        int requestVariant = (int) (Seeds.bits(config.seed(), "wording:" + wordingKey(job.request()), 0) >>> 34);
        ReportContext context = new ReportContext(promptId, config.clock().instant().toEpochMilli(),
                random.nextInt(1 << 30), requestVariant, pid, job.request());
        return new Attempt(context, config.failureProfile().select(draw), at);
    }

    /**
     * What picks a request's wording: the request with its input files reduced to their names, so the
     * same storyboard reads the same wherever its folder is.
     */
    private static GenerationRequest wordingKey(GenerationRequest r) {
        return r.toBuilder().inputImage(fileName(r.inputImage())).mask(fileName(r.mask()))
                .sourceVideo(fileName(r.sourceVideo())).build();
    }

    private static String fileName(String path) {
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    /** The fault that fails before any GPU work: a refused connection or a missing input. */
    Optional<SimulatedFailure> beforeStart(Attempt attempt) {
        if (attempt.chance().filter(k -> k == FaultKind.CONNECTION_REFUSED).isPresent()) {
            return Optional.of(fail(FaultKind.CONNECTION_REFUSED, ConnectionReports.refused(attempt.context()), 0));
        }
        GenerationRequest r = attempt.context().request();
        return Stream.of(new String[] {"image", r.inputImage()}, new String[] {"mask", r.mask()},
                        new String[] {"video", r.sourceVideo()})
                .filter(input -> !input[1].isBlank() && !InputFiles.exists(input[1])).findFirst()
                .map(input -> fail(FaultKind.MISSING_INPUT,
                        ModelReports.missingInput(attempt.context(), input[0], input[1]), 0));
    }

    /**
     * The model, memory and timeline of a request.
     *
     * @throws SimulatedFailure with {@link FaultKind#MISSING_MODEL} if the model is not installed
     */
    Plan plan(Attempt attempt) {
        GenerationRequest r = attempt.context().request();
        String id = r.modelId().strip().toLowerCase(Locale.ROOT);
        String file = ModelFiles.fileName(id, r.precision());
        Optional<ModelSpec> model = config.models().find(id).filter(m -> !config.missingModels().contains(m.id()));
        boolean upscale = r.workflow() == Workflow.UPSCALE;
        if (config.missingModels().contains(id) || (model.isEmpty() && !upscale)) {
            List<String> installed = config.models().all().stream().map(ModelSpec::id)
                    .filter(m -> !config.missingModels().contains(m)).map(m -> ModelFiles.fileName(m, r.precision()))
                    .sorted().toList();
            throw fail(FaultKind.MISSING_MODEL, ModelReports.missingModel(attempt.context(), file, installed), 0);
        }
        if (upscale) {
            return new Plan("upscale", file, memory.upscale(id, r), TimeModel.upscaleTimeline(r, config.gpu()), 0);
        }
        ModelSpec spec = model.orElseThrow();
        return new Plan(spec.name(), file, memory.trace(spec, r), TimeModel.timeline(spec, r, config.gpu()),
                TimeModel.stepSeconds(spec, r, config.gpu()));
    }

    /**
     * The earliest fault that ends the attempt, if any. A dropped connection the simulated client
     * re-attaches after does not end it; see {@link #reattachedDrop}.
     */
    Optional<Fault> firstFault(Attempt attempt, Plan plan, JobRun run) {
        ReportContext c = attempt.context();
        Optional<Fault> chance = chance(attempt, run).filter(f -> !reattaches(f));
        return Stream.of(corrupt(c, plan, run), hostMemory(c, plan, run), gpuMemory(c, plan, run), chance)
                .flatMap(Optional::stream).min(Comparator.comparingDouble(Fault::at));
    }

    /**
     * The dropped connection of an attempt whose client re-attaches, if it draws one: the job runs on,
     * as a ComfyUI prompt does when its client's socket closes.
     */
    Optional<Fault> reattachedDrop(Attempt attempt, JobRun run) {
        return chance(attempt, run).filter(this::reattaches);
    }

    private boolean reattaches(Fault fault) {
        return fault.kind() == FaultKind.CONNECTION_DROPPED && config.reattachAfterDrop();
    }

    private Optional<Fault> chance(Attempt attempt, JobRun run) {
        ReportContext c = attempt.context();
        return attempt.chance().map(kind -> new Fault(attempt.chanceAt() * run.totalSeconds(), kind,
                switch (kind) {
                    case CONNECTION_DROPPED -> ConnectionReports.dropped(c);
                    case WORKER_CRASHED -> ConnectionReports.crashed(c);
                    default -> ConnectionReports.stalled(c, config.stallTimeout().toSeconds());
                }));
    }

    SimulatedFailure fail(FaultKind kind, String report, double gpuSeconds) {
        return new SimulatedFailure(config.name(), kind, report, gpuSeconds);
    }

    long usableVramBytes() {
        return config.gpu().vramBytes() - config.otherProcessesVramBytes();
    }

    private Optional<Fault> corrupt(ReportContext c, Plan plan, JobRun run) {
        String id = c.request().modelId().strip().toLowerCase(Locale.ROOT);
        if (!config.corruptModels().contains(id)) {
            return Optional.empty();
        }
        return Optional.of(new Fault(0.1 * run.durationOf("loading"), FaultKind.CORRUPT_WEIGHTS,
                ModelReports.corruptWeights(c, plan.weightsFile())));
    }

    private Optional<Fault> hostMemory(ReportContext c, Plan plan, JobRun run) {
        return plan.trace().firstHostOverflow(config.hostRamBytes()).map(o -> new Fault(
                o.output() ? run.startOf("writing") : 0.6 * run.durationOf("loading"),
                FaultKind.HOST_OUT_OF_MEMORY, MemoryReports.host(c, o)));
    }

    private Optional<Fault> gpuMemory(ReportContext c, Plan plan, JobRun run) {
        return plan.trace().firstGpuOverflow(usableVramBytes()).map(o -> new Fault(
                gpuFailureTime(o.allocation(), plan, run), FaultKind.GPU_OUT_OF_MEMORY,
                MemoryReports.gpu(c, o, config.gpu().vramBytes(), config.otherProcessesVramBytes())));
    }

    /**
     * When the failing allocation is made: weights as the node starts; working memory part-way in
     * (half a sampling step, 30 % of the decode), so loading and earlier phases are always paid for.
     */
    private static double gpuFailureTime(MemoryTrace.Allocation failed, Plan plan, JobRun run) {
        double into = failed.weights() ? 0 : 1;
        return switch (failed.node()) {
            case "CLIPTextEncode" -> run.startOf("encoding") + into * 0.5 * run.durationOf("encoding");
            case "KSampler" -> run.startOf("sampling")
                    + into * Math.min(0.5 * plan.stepSeconds(), run.durationOf("sampling"));
            case "VAEDecode", "VAEDecodeTiled" -> run.startOf("decoding") + into * 0.3 * run.durationOf("decoding");
            default -> run.startOf("upscaling") + into * 0.5 * run.durationOf("upscaling");
        };
    }
}
