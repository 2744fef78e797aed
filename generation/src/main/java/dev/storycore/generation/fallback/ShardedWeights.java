package dev.storycore.generation.fallback;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a sharded checkpoint from its {@code *.index.json}
 * ({@code {"metadata": {"total_size": N}, "weight_map": {"tensor": "shard file"}}}): every shard is
 * present and verifies, every tensor the map assigns to a shard is declared in that shard's header,
 * and {@code total_size} matches the shards' declared data bytes within
 * {@value #TOTAL_SIZE_TOLERANCE_PERCENT}%, a margin for writers that count shared or tied tensors
 * differently. Stateless and thread-safe.
 */
final class ShardedWeights {

    static final int TOTAL_SIZE_TOLERANCE_PERCENT = 1;

    private ShardedWeights() {
    }

    /**
     * The shards as checked (each with its own problems) and what the index says beyond them: an
     * unreadable index, tensors absent from their shard, a wrong total_size.
     */
    record Result(List<WeightFile> shards, Verification index) {
    }

    static Result check(Path index, String indexDisplay, String dirDisplay, PathGuard guard) {
        Findings findings = new Findings();
        Optional<Path> real = guard.readable(index, indexDisplay, findings);
        if (real.isEmpty()) {
            return new Result(List.of(), new Verification(findings.status(), findings.problems()));
        }
        Map<String, List<String>> byShard = new TreeMap<>();
        long declaredTotal = readIndex(real.get(), indexDisplay, byShard, findings);
        List<WeightFile> shards = new ArrayList<>();
        boolean allHeadersRead = !byShard.isEmpty();
        for (Map.Entry<String, List<String>> entry : byShard.entrySet()) {
            WeightFile shard = checkShard(index, indexDisplay, dirDisplay, entry.getKey(), entry.getValue(), guard,
                    findings);
            shards.add(shard);
            allHeadersRead &= headerRead(shard);
        }
        if (declaredTotal >= 0 && allHeadersRead) {
            checkTotal(declaredTotal, shards, indexDisplay, findings);
        }
        return new Result(shards, new Verification(findings.status(), findings.problems()));
    }

    /** Fills {@code byShard}; returns metadata.total_size, or -1 when absent or unusable. */
    private static long readIndex(Path real, String display, Map<String, List<String>> byShard, Findings findings) {
        JsonNode root;
        switch (Json.readFile(real)) {
            case Json.Parsed parsed -> root = parsed.node();
            case Json.Failed failed -> {
                findings.add(failed.status(), display + " " + failed.problem() + ".");
                return -1;
            }
        }
        JsonNode map = root.path("weight_map");
        if (!map.isObject() || map.isEmpty()) {
            findings.add(ComponentStatus.CORRUPT, display + " has no weight_map listing tensors.");
            return -1;
        }
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            if (!entry.getValue().isTextual()) {
                findings.add(ComponentStatus.CORRUPT, display + " maps tensor " + Sentences.quote(entry.getKey())
                        + " to something other than a file name.");
                continue;
            }
            byShard.computeIfAbsent(entry.getValue().textValue(), shard -> new ArrayList<>()).add(entry.getKey());
        }
        JsonNode total = root.path("metadata").path("total_size");
        return total.isIntegralNumber() && total.canConvertToLong() && total.longValue() >= 0 ? total.longValue() : -1;
    }

    private static WeightFile checkShard(Path index, String indexDisplay, String dirDisplay, String shardName,
                                         List<String> tensors, PathGuard guard, Findings findings) {
        String display = dirDisplay + shardName;
        WeightFile shard = WeightFileInspector.inspect(index.resolveSibling(shardName), display, guard);
        if (shard.status() == ComponentStatus.MISSING) {
            return WeightFile.ofProblem(display, WeightFormat.UNKNOWN, ComponentStatus.MISSING, 0,
                    display + " is missing; " + indexDisplay + " assigns " + tensors.size() + " tensors to it.");
        }
        if (headerRead(shard)) {
            Set<String> declared = new HashSet<>();
            shard.tensors().forEach(tensor -> declared.add(tensor.name()));
            List<String> absent = tensors.stream().filter(name -> !declared.contains(name)).sorted().toList();
            if (!absent.isEmpty()) {
                findings.add(ComponentStatus.CORRUPT, display + " lacks " + absent.size() + " of the tensors "
                        + indexDisplay + " assigns to it: " + Sentences.some(absent, 3) + ".");
            }
        }
        return shard;
    }

    private static void checkTotal(long declaredTotal, List<WeightFile> shards, String display, Findings findings) {
        long actual = 0;
        for (WeightFile shard : shards) {
            actual = SafetensorsHeader.saturatedAdd(actual, shard.dataBytes());
        }
        long tolerance = actual / 100 * TOTAL_SIZE_TOLERANCE_PERCENT;
        if (Math.abs(declaredTotal - actual) > tolerance) {
            findings.add(ComponentStatus.CORRUPT, display + " gives total_size " + declaredTotal
                    + " but its shards' headers declare " + actual
                    + " bytes of tensor data; the index and the shards do not belong together.");
        }
    }

    private static boolean headerRead(WeightFile shard) {
        return shard.format() == WeightFormat.SAFETENSORS
                && (!shard.tensors().isEmpty() || shard.status() == ComponentStatus.OK);
    }
}
