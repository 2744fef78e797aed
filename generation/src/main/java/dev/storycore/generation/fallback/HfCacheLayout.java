package dev.storycore.generation.fallback;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Analyses a Hugging Face cache repository, {@code models--org--name/}, or one of its snapshots,
 * {@code models--org--name/snapshots/REV/}. Snapshot files are links into {@code ../../blobs/}; the
 * boundary for links is therefore the repository folder, not the snapshot. The snapshot analysed is
 * the one {@code refs/main} names, else the most recently modified. Its contents are analysed like
 * any folder (diffusers, single files) and reported with layout {@link ModelLayout#HF_CACHE}.
 * Stateless and thread-safe.
 */
final class HfCacheLayout {

    private static final String PREFIX = "models--";
    private static final int MAX_REF_BYTES = 256;

    private HfCacheLayout() {
    }

    /** The repository folder when {@code realDir} is one or is one of its snapshots. */
    static Optional<Path> repositoryOf(Path realDir) {
        if (isRepository(realDir)) {
            return Optional.of(realDir);
        }
        Path snapshots = realDir.getParent();
        Path repository = snapshots == null ? null : snapshots.getParent();
        if (repository != null && snapshots.getFileName().toString().equals("snapshots") && isRepository(repository)) {
            return Optional.of(repository);
        }
        return Optional.empty();
    }

    static ModelFolderReport analyze(Path reportRoot, Path realDir, Path repository) {
        PathGuard guard = new PathGuard(repository);
        Optional<Path> snapshot = realDir.equals(repository) ? chooseSnapshot(repository) : Optional.of(realDir);
        if (snapshot.isEmpty()) {
            return ModelFolderReport.of(reportRoot, ModelLayout.HF_CACHE, "", List.of(),
                    List.of("snapshots/ holds no snapshot; the download never completed a revision."));
        }
        ModelFolderReport inner = ModelFolderAnalyzer.analyzeFolder(reportRoot, snapshot.get(), guard);
        return ModelFolderReport.of(reportRoot, ModelLayout.HF_CACHE, inner.pipeline(), inner.components(),
                inner.problems());
    }

    private static boolean isRepository(Path dir) {
        Path name = dir.getFileName();
        return name != null && name.toString().startsWith(PREFIX) && Files.isDirectory(dir.resolve("snapshots"));
    }

    private static Optional<Path> chooseSnapshot(Path repository) {
        Path snapshots = repository.resolve("snapshots");
        Optional<Path> main = readRef(repository.resolve("refs").resolve("main"))
                .map(snapshots::resolve)
                .filter(path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS));
        if (main.isPresent()) {
            return main;
        }
        try (Stream<Path> all = Files.list(snapshots)) {
            return all.filter(path -> Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))
                    .max(Comparator.comparing(HfCacheLayout::modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> readRef(Path ref) {
        try {
            if (!Files.isRegularFile(ref, LinkOption.NOFOLLOW_LINKS) || Files.size(ref) > MAX_REF_BYTES) {
                return Optional.empty();
            }
            String revision = new String(Files.readAllBytes(ref), StandardCharsets.US_ASCII).trim();
            return revision.matches("[0-9A-Za-z._-]+") ? Optional.of(revision) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
