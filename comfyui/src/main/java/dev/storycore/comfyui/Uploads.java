package dev.storycore.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code POST /upload/image} for images and masks. Not exported; stateless. */
final class Uploads {

    private Uploads() {
    }

    static UploadedImage upload(Transport transport, Path image, ImageUpload options) {
        Multipart form = new Multipart();
        try {
            form.file("image", image.getFileName().toString(), image);
        } catch (IOException e) {
            throw new ComfyUiException("cannot read " + image + ": " + e.getMessage(), e);
        }
        form.field("overwrite", Boolean.toString(options.overwrite()))
                .field("type", options.type().wireName())
                .field("subfolder", options.subfolder());
        HttpRequest request = transport.request("upload/image")
                .header("Content-Type", form.contentType())
                .POST(form.body())
                .build();
        HttpResponse<String> response = transport.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Transport.requireSuccess(request, response.statusCode(), response.body());
        JsonNode root = Json.parse(response.body(), Transport.endpoint(request));
        String type = Json.text(root, "type");
        return new UploadedImage(Json.text(root, "name"), Json.text(root, "subfolder"),
                type.isEmpty() ? options.type() : FolderType.fromWire(type));
    }
}
