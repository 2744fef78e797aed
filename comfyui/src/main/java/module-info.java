/**
 * StoryCore ComfyUI backend: the ComfyUI HTTP and WebSocket protocol with typed results and errors.
 * Only the API package is exported; transport, parsing and the watch loop stay inside.
 */
module dev.storycore.comfyui {
    requires transitive dev.storycore.generation;
    requires transitive com.fasterxml.jackson.databind;
    requires java.net.http;

    exports dev.storycore.comfyui;
}
