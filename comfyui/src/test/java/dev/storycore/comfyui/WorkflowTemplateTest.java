package dev.storycore.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading API-format templates and filling in their placeholders. */
class WorkflowTemplateTest {

    private static final String WORKFLOW = """
            {"1": {"class_type": "EmptyHunyuanLatentVideo",
                   "inputs": {"width": "{{width}}", "height": "{{ height }}", "length": "{{length}}", "batch_size": 1}},
             "2": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{prompt}}, shot on film", "clip": ["3", 0]}},
             "3": {"class_type": "CLIPLoader", "inputs": {"clip_name": "{{text_encoder}}", "type": "wan"}},
             "4": {"class_type": "KSampler", "inputs": {"seed": "{{seed}}", "cfg": "{{cfg}}", "model": ["5", 0]}}}
            """;

    @Test
    void aWholeStringPlaceholderBecomesTheTypedValue() {
        ObjectNode bound = WorkflowTemplate.parse("t", WORKFLOW).bind(Map.of("width", 832, "height", 480,
                "length", 81, "prompt", "a fox", "text_encoder", "umt5.safetensors", "seed", 123456789012L, "cfg", 6.5));

        assertThat(bound.path("1").path("inputs").path("width").isInt()).isTrue();
        assertThat(bound.path("1").path("inputs").path("width").asInt()).isEqualTo(832);
        assertThat(bound.path("1").path("inputs").path("height").asInt()).isEqualTo(480);
        assertThat(bound.path("4").path("inputs").path("seed").asLong()).isEqualTo(123456789012L);
        assertThat(bound.path("4").path("inputs").path("cfg").asDouble()).isEqualTo(6.5);
        assertThat(bound.path("3").path("inputs").path("clip_name").asText()).isEqualTo("umt5.safetensors");
        assertThat(bound.path("4").path("inputs").path("model").toString()).isEqualTo("[\"5\",0]");
    }

    @Test
    void aPlaceholderInsideTextIsReplacedByItsText() {
        ObjectNode bound = WorkflowTemplate.parse("t", WORKFLOW).bind(Map.of("width", 1, "height", 1, "length", 1,
                "prompt", "a fox $1 \\ jumps", "text_encoder", "x", "seed", 1, "cfg", 1));

        assertThat(bound.path("2").path("inputs").path("text").asText()).isEqualTo("a fox $1 \\ jumps, shot on film");
    }

    @Test
    void bindingLeavesTheTemplateUntouched() {
        WorkflowTemplate template = WorkflowTemplate.parse("t", WORKFLOW);
        template.bind(Map.of("width", 1, "height", 1, "length", 1, "prompt", "p", "text_encoder", "x", "seed", 1, "cfg", 1));

        assertThat(template.json().path("1").path("inputs").path("width").asText()).isEqualTo("{{width}}");
    }

    @Test
    void listsItsPlaceholdersAndNodeClasses() {
        WorkflowTemplate template = WorkflowTemplate.parse("t", WORKFLOW);

        assertThat(template.placeholders()).containsExactly("width", "height", "length", "prompt", "text_encoder",
                "seed", "cfg");
        assertThat(template.nodeClasses()).containsExactly("CLIPLoader", "CLIPTextEncode", "EmptyHunyuanLatentVideo",
                "KSampler");
    }

    @Test
    void unknownPlaceholdersAreNamedInTheError() {
        WorkflowTemplate template = WorkflowTemplate.parse("mine.json",
                "{\"1\": {\"class_type\": \"X\", \"inputs\": {\"a\": \"{{widht}}\", \"b\": \"{{my_lora}}\", \"c\": \"{{seed}}\"}}}");

        assertThatThrownBy(() -> template.bind(Map.of("seed", 1)))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("'mine.json' uses unknown placeholders {{widht}}, {{my_lora}}")
                .hasMessageContaining("known placeholders: prompt, negative_prompt, width");
    }

    @Test
    void aValueGivenForACustomNameIsUsed() {
        WorkflowTemplate template = WorkflowTemplate.parse("mine.json",
                "{\"1\": {\"class_type\": \"X\", \"inputs\": {\"lora\": \"{{my_lora}}\"}}}");

        assertThat(template.bind(Map.of("my_lora", "style.safetensors")).path("1").path("inputs").path("lora").asText())
                .isEqualTo("style.safetensors");
    }

    @Test
    void aKnownPlaceholderWithoutAValueSaysWhatIsMissing() {
        WorkflowTemplate template = WorkflowTemplate.parse("i2v",
                "{\"1\": {\"class_type\": \"LoadImage\", \"inputs\": {\"image\": \"{{input_image}}\"}}}");

        assertThatThrownBy(() -> template.bind(Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessage("workflow template 'i2v' needs {{input_image}} (input image), which this request does "
                        + "not provide");
    }

    @Test
    void aUiFormatWorkflowIsRefusedWithTheWayOut() {
        assertThatThrownBy(() -> WorkflowTemplate.parse("ui.json", "{\"nodes\": [], \"links\": [], \"version\": 0.4}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("UI format").hasMessageContaining("Export (API)");
    }

    @Test
    void aNodeWithoutClassTypeIsRefused() {
        assertThatThrownBy(() -> WorkflowTemplate.parse("bad", "{\"7\": {\"inputs\": {}}}"))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("node 7 has no class_type");
        assertThatThrownBy(() -> WorkflowTemplate.parse("bad", "[1, 2]"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("JSON object of nodes");
        assertThatThrownBy(() -> WorkflowTemplate.parse("bad", "{oops"))
                .isInstanceOf(TemplateException.class).hasMessageContaining("is not JSON");
    }

    @Test
    void readsAFileNamedAfterIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("my_workflow.json");
        Files.writeString(file, WORKFLOW);

        assertThat(WorkflowTemplate.read(file).name()).isEqualTo("my_workflow.json");
        assertThatThrownBy(() -> WorkflowTemplate.read(dir.resolve("missing.json")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("cannot read workflow template");
    }
}
