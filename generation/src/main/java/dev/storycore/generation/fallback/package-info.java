/**
 * Model-folder analysis: what in a downloaded model is usable, missing, incomplete, corrupt or unsafe
 * to load, found from file headers alone.
 *
 * <p>{@link dev.storycore.generation.fallback.ModelFolderAnalyzer#analyze(java.nio.file.Path)} reads
 * diffusers folders ({@code model_index.json} plus component subfolders), ComfyUI {@code models/}
 * folders, loose weight files and Hugging Face cache snapshots. Safetensors files are checked through
 * their JSON header with bounded reads; tensor data is never read or mapped, so a 20 GB shard costs what
 * its header costs. Pickle-based PyTorch files are recognised by their first bytes and never unpickled.
 * Symbolic links are only followed when they resolve inside the analysed folder (or, in a Hugging Face
 * cache, inside the {@code models--org--name} repository folder).
 *
 * <p>{@link dev.storycore.generation.fallback.LocalModelCatalog} finds the models under a models folder
 * and matches them to the registry; {@link dev.storycore.generation.fallback.AlternativeModelSuggester}
 * ranks other models for a target and a VRAM budget; {@link dev.storycore.generation.fallback.FallbackHandler}
 * turns a failed pipeline and a classified error into fallback strategies and carries them out. See
 * {@code docs/model-folders.md}.
 *
 * <p>The reports are records that Jackson serializes as they are; see
 * {@link dev.storycore.generation.fallback.ModelFolderReport#toJson()}.
 */
package dev.storycore.generation.fallback;
