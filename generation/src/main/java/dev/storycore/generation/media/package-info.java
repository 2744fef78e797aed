/**
 * Real media output for the CPU last-resort tier and the GPU simulator: H.264 MP4 and RGBA PNG
 * writers that never leave a half-written file, and frame renderers that turn a request into
 * pictures without a GPU.
 *
 * <p>Everything here is a pure function of its inputs: a renderer given the same input and seed
 * produces the same pixels on the same JVM. Frames flow through {@link
 * dev.storycore.generation.media.FrameSource}, which renders one frame at a time so a 121-frame
 * 720p shot never has to sit in memory at once. Bad input fails with a one-line
 * {@link dev.storycore.generation.GenerationException} naming the problem.
 *
 * <p>Speed, measured with JCodec 0.2.5 on one core: about 15 frames/s at 832×480 and 8 frames/s
 * at 1280×720. {@link dev.storycore.generation.media.VideoOptions#preview(int)} encodes at a reduced
 * size, marked as such in {@link dev.storycore.generation.media.MediaOutput}; {@link
 * dev.storycore.generation.media.Mp4Writer#detect()} uses {@code ffmpeg} instead when it is on the
 * {@code PATH}.
 */
package dev.storycore.generation.media;
