package dev.storycore.comfyui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class PromptParsingTest {

    private static JsonNode json(String text) throws Exception {
        return TestSupport.JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void readsAValueNotInListOnALoader() throws Exception {
        String raw = ("{'error': {'type': 'prompt_outputs_failed_validation', 'message': 'Prompt outputs failed"
                + " validation', 'details': 'Value not in list: unet_name: x', 'extra_info': {}}, 'node_errors': {'37':"
                + " {'errors': [{'type': 'value_not_in_list', 'message': 'Value not in list', 'details': 'unet_name:"
                + " `x.safetensors` not in [`a.safetensors`]', 'extra_info': {'input_name': 'unet_name', 'input_config':"
                + " [['a.safetensors'], {}], 'received_value': 'x.safetensors'}}], 'dependent_outputs': ['28'],"
                + " 'class_type': 'UNETLoader'}}}").replace('\'', '"');

        PromptError error = PromptParsing.rejected(json(raw), raw);

        assertThat(error.error().type()).isEqualTo("prompt_outputs_failed_validation");
        NodeError node = error.nodeErrors().get("37");
        assertThat(node.classType()).isEqualTo("UNETLoader");
        assertThat(node.dependentOutputs()).containsExactly("28");
        ValidationError problem = node.errors().get(0);
        assertThat(problem.type()).isEqualTo("value_not_in_list");
        assertThat(problem.extra("input_name")).contains("unet_name");
        assertThat(problem.extra("received_value")).contains("x.safetensors");
        assertThat(problem.extra("input_config")).contains("[[\"a.safetensors\"],{}]");
        assertThat(error.rawJson()).isEqualTo(raw);
        assertThat(error.summary()).isEqualTo("prompt_outputs_failed_validation: Prompt outputs failed validation;"
                + " UNETLoader (node 37): value_not_in_list: Value not in list: unet_name: `x.safetensors` not in"
                + " [`a.safetensors`]");
    }

    @Test
    void readsAMissingNodeTypeAndLeavesNullsOut() throws Exception {
        String raw = "{\"error\": {\"type\": \"missing_node_type\", \"message\": \"Node 'WanVideoSampler' not found."
                + " The custom node may not be installed.\", \"details\": \"Node ID '#3'\", \"extra_info\": {\"node_id\":"
                + " \"3\", \"class_type\": \"WanVideoSampler\", \"node_title\": null}}, \"node_errors\": {}}";

        PromptError error = PromptParsing.rejected(TestSupport.JSON.readTree(raw), raw);

        assertThat(error.error().type()).isEqualTo("missing_node_type");
        assertThat(error.error().extra("class_type")).contains("WanVideoSampler");
        assertThat(error.error().extraInfo()).doesNotContainKey("node_title");
        assertThat(error.nodeErrors()).isEmpty();
        assertThat(error.summary()).isEqualTo("missing_node_type: Node 'WanVideoSampler' not found. The custom node"
                + " may not be installed.: Node ID '#3'");
    }

    @Test
    void readsTheOldPlainStringErrorWithAListOfNodeErrors() throws Exception {
        PromptError error = PromptParsing.rejected(json("{'error': 'no prompt', 'node_errors': []}"), "{}");

        assertThat(error.error().type()).isEqualTo("invalid_prompt");
        assertThat(error.error().message()).isEqualTo("no prompt");
        assertThat(error.nodeErrors()).isEmpty();
    }

    @Test
    void readsAnAcceptedPrompt() throws Exception {
        PromptAccepted accepted = PromptParsing.accepted(
                json("{'prompt_id': 'abc', 'number': 7, 'node_errors': {}}"), "POST /prompt");

        assertThat(accepted).isEqualTo(new PromptAccepted("abc", 7.0, java.util.Map.of()));
    }
}
