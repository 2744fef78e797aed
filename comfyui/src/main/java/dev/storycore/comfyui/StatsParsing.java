package dev.storycore.comfyui;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code GET /system_stats} and {@code GET /object_info}. Not exported; stateless. */
final class StatsParsing {

    private StatsParsing() {
    }

    /** Reads system stats in any of the formats ComfyUI has used. */
    static SystemStats systemStats(JsonNode root) {
        JsonNode system = root.path("system");
        SystemStats.Software software = new SystemStats.Software(Json.text(system, "os"),
                Json.longValue(system, "ram_total"), Json.longValue(system, "ram_free"),
                Json.text(system, "comfyui_version"), Json.text(system, "python_version"),
                Json.text(system, "pytorch_version"), system.path("embedded_python").asBoolean(false));
        List<SystemStats.Device> devices = new ArrayList<>();
        root.path("devices").forEach(device -> devices.add(new SystemStats.Device(Json.text(device, "name"),
                Json.text(device, "type"), device.path("index").isNumber() ? device.path("index").asInt() : -1,
                Json.longValue(device, "vram_total"), Json.longValue(device, "vram_free"),
                Json.longValue(device, "torch_vram_total"), Json.longValue(device, "torch_vram_free"))));
        return new SystemStats(software, devices);
    }

    /** Reads object info: node classes and the choice lists of their inputs. */
    static ObjectInfo objectInfo(JsonNode root) {
        Map<String, ObjectInfo.NodeClass> nodes = new LinkedHashMap<>();
        root.properties().forEach(entry -> {
            JsonNode node = entry.getValue();
            Map<String, List<String>> choices = new LinkedHashMap<>();
            for (String group : new String[] {"required", "optional"}) {
                node.path("input").path(group).properties().forEach(input -> {
                    List<String> options = choices(input.getValue());
                    if (options != null) {
                        choices.put(input.getKey(), options);
                    }
                });
            }
            String name = entry.getKey();
            String displayName = Json.text(node, "display_name");
            nodes.put(name, new ObjectInfo.NodeClass(name, displayName.isEmpty() ? name : displayName,
                    Json.text(node, "category"), node.path("output_node").asBoolean(false), choices));
        });
        return new ObjectInfo(nodes);
    }

    /**
     * The choices of one input spec, or null when it is not a choice: classic nodes give
     * {@code [[choices...], {options}]}, newer ones {@code ["COMBO", {"options": [choices...]}]}.
     */
    private static List<String> choices(JsonNode spec) {
        JsonNode first = spec.path(0);
        if (first.isArray()) {
            return Json.strings(first);
        }
        if ("COMBO".equals(first.asText()) && spec.path(1).path("options").isArray()) {
            return Json.strings(spec.path(1).path("options"));
        }
        return null;
    }
}
