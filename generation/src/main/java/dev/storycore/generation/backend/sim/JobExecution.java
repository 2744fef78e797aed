package dev.storycore.generation.backend.sim;

import dev.storycore.generation.backend.internal.RunningJobs;
import dev.storycore.generation.GenerationException;
import dev.storycore.generation.backend.BackendException;
import dev.storycore.generation.backend.GenerationJob;
import dev.storycore.generation.backend.GenerationResult;
import dev.storycore.generation.backend.ProgressListener;
import dev.storycore.generation.hardware.GpuProfile;
import dev.storycore.generation.request.GenerationRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One attempt from draw to result or failure. Used by one thread, once. */
final class JobExecution {

    private final GpuSimulatorConfig config;
    private final Simulation simulation;
    private final SimulatedOutput output;
    private final GenerationJob job;
    private final ProgressListener listener;
    private final RunningJobs.Handle handle;
    private final long attempt;
    private boolean reattached;

    JobExecution(GpuSimulatorConfig config, Simulation simulation, SimulatedOutput output, GenerationJob job,
                 ProgressListener listener, RunningJobs.Handle handle, long attempt) {
        this.config = config;
        this.simulation = simulation;
        this.output = output;
        this.job = job;
        this.listener = listener;
        this.handle = handle;
        this.attempt = attempt;
    }

    GenerationResult run() {
        Simulation.Attempt drawn = simulation.draw(job, attempt);
        Optional<SimulatedFailure> early = simulation.beforeStart(drawn);
        if (early.isPresent()) {
            throw early.get();
        }
        Simulation.Plan plan = simulation.plan(drawn);
        JobRun run = new JobRun(config.name(), job.jobId(), plan.segments(), listener, handle, config.sleeper(),
                config.timeScale(), drawn.context());
        run.begin("queued on simulated " + config.gpu().name());
        Optional<Simulation.Fault> fault = simulation.firstFault(drawn, plan, run);
        Optional<Simulation.Fault> drop = simulation.reattachedDrop(drawn, run)
                .filter(d -> fault.isEmpty() || d.at() < fault.get().at());
        drop.ifPresent(d -> reattach(d, run, drawn.context()));
        if (fault.isPresent()) {
            run.runUntil(fault.get().at());
            if (fault.get().kind() == FaultKind.STALLED) {
                run.spend(config.stallTimeout().toNanos() / 1e9);
            }
            throw simulation.fail(fault.get().kind(), fault.get().report(), run.elapsed());
        }
        run.runAllButLast();
        SimulatedOutput.Written written = write(plan, run);
        run.finish();
        List<String> notes = new ArrayList<>(written.notes());
        drop.ifPresent(d -> notes.add(String.format(Locale.ROOT, "connection dropped at %.0f %% (%s); re-attached,"
                + " the job kept running", 100 * d.at() / run.totalSeconds(), firstLine(d.report()))));
        notes.add(String.format(Locale.ROOT, "simulated peak %s GB of %s GB (%s)",
                GpuProfile.formatGb(plan.trace().summary().peakGb()), GpuProfile.formatGb(config.gpu().vramGb()),
                plan.trace().summary().peakPhase().name().toLowerCase(Locale.ROOT)));
        return new GenerationResult(job.jobId(), config.name(), job.request(), written.files(), written.preview(),
                GpuSimulatorBackend.seconds(run.elapsed()), run.elapsed(), notes);
    }

    /** Whether the attempt's connection dropped and its client re-attached. */
    boolean reattached() {
        return reattached;
    }

    /**
     * The job runs on while the simulated client reconnects: what it reports is what
     * {@code ComfyUiBackend} reports when its socket closes and comes back.
     */
    private void reattach(Simulation.Fault drop, JobRun run, ReportContext context) {
        run.runUntil(drop.at());
        run.note("progress socket lost (" + firstLine(drop.report()) + "); polling");
        run.note("progress socket reconnected; prompt " + context.promptId() + " still running");
        reattached = true;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private SimulatedOutput.Written write(Simulation.Plan plan, JobRun run) {
        try {
            return output.write(job, plan.label(), facts(plan, run));
        } catch (IOException | GenerationException e) {
            if (handle.cancelled()) {
                throw run.interrupted();
            }
            throw new BackendException(config.name(), "cannot write simulated output for job " + job.jobId()
                    + " in " + job.outputDir() + ": " + e.getMessage(), run.totalSeconds(), e);
        }
    }

    private Map<String, Object> facts(Simulation.Plan plan, JobRun run) {
        GenerationRequest r = job.request();
        SimulatedMemory memory = plan.trace().summary();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("simulated", true);
        facts.put("backend", config.name());
        facts.put("jobId", job.jobId());
        facts.put("shotId", job.shotId());
        facts.put("attemptOfShot", attempt);
        facts.put("workflow", r.workflow().name());
        facts.put("model", r.modelId());
        facts.put("request", r.summary());
        facts.put("prompt", r.prompt());
        facts.put("width", r.width());
        facts.put("height", r.height());
        facts.put("frames", r.frames());
        facts.put("steps", r.steps());
        facts.put("fps", r.fps());
        facts.put("seed", r.seed());
        facts.put("gpu", config.gpu().name());
        facts.put("vramBytes", config.gpu().vramBytes());
        facts.put("simulatedPeakBytes", memory.peakBytes());
        facts.put("peakPhase", memory.peakPhase().name());
        facts.put("memoryBias", memory.bias());
        facts.put("hostRamBytes", memory.hostRamBytes());
        facts.put("gpuSeconds", run.totalSeconds());
        facts.put("finishedAt", config.clock().instant().toString());
        return facts;
    }
}
