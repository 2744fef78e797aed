package dev.storycore.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessageParsingTest {

    private static final String ID = "6f1c0d52-6a56-4c1e-9a3e-3c1f3f1b8e01";

    private static ExecutionEvent parse(String json) {
        return MessageParsing.message(json.replace('\'', '"')).orElseThrow();
    }

    @Test
    void readsStatusWithQueueRemaining() {
        assertThat(parse("{'type': 'status', 'data': {'status': {'exec_info': {'queue_remaining': 3}}, 'sid': 'abc'}}"))
                .isEqualTo(new ExecutionEvent.Status(3));
    }

    @Test
    void readsStartCachedExecutingProgress() {
        assertThat(parse("{'type': 'execution_start', 'data': {'prompt_id': '" + ID + "', 'timestamp': 1}}"))
                .isEqualTo(new ExecutionEvent.Started(ID));
        assertThat(parse("{'type': 'execution_cached', 'data': {'nodes': ['37', '38'], 'prompt_id': '" + ID + "'}}"))
                .isEqualTo(new ExecutionEvent.Cached(ID, List.of("37", "38")));
        assertThat(parse("{'type': 'executing', 'data': {'node': '3', 'display_node': '3', 'prompt_id': '" + ID + "'}}"))
                .isEqualTo(new ExecutionEvent.Executing(ID, "3"));
        ExecutionEvent.Progress progress = (ExecutionEvent.Progress) parse(
                "{'type': 'progress', 'data': {'value': 5, 'max': 20, 'prompt_id': '" + ID + "', 'node': '3'}}");
        assertThat(progress).isEqualTo(new ExecutionEvent.Progress(ID, "3", 5, 20));
        assertThat(progress.fraction()).isEqualTo(0.25);
    }

    @Test
    void executingWithANullNodeMeansFinished() {
        assertThat(parse("{'type': 'executing', 'data': {'node': null, 'prompt_id': '" + ID + "'}}"))
                .isEqualTo(new ExecutionEvent.Finished(ID));
    }

    @Test
    void readsExecutedFilesAndSuccess() {
        ExecutionEvent executed = parse("{'type': 'executed', 'data': {'node': '28', 'display_node': '28', 'output':"
                + " {'images': [{'filename': 'ComfyUI_00001_.webp', 'subfolder': '', 'type': 'output'}],"
                + " 'animated': [true]}, 'prompt_id': '" + ID + "'}}");
        assertThat(executed).isEqualTo(new ExecutionEvent.Executed(ID, "28",
                List.of(new OutputFile("ComfyUI_00001_.webp", "", FolderType.OUTPUT, "images"))));
        assertThat(parse("{'type': 'execution_success', 'data': {'prompt_id': '" + ID + "', 'timestamp': 2}}"))
                .isEqualTo(new ExecutionEvent.Succeeded(ID));
    }

    @Test
    void readsEveryFieldOfAnExecutionError() {
        ExecutionEvent.Failed failed = (ExecutionEvent.Failed) parse("{'type': 'execution_error', 'data': {"
                + "'prompt_id': '" + ID + "', 'node_id': '3', 'node_type': 'KSampler', 'executed': ['37', '38'],"
                + " 'exception_message': 'CUDA out of memory. Tried to allocate 2.50 GiB.\\nThis error means you ran"
                + " out of memory on your GPU.', 'exception_type': 'torch.OutOfMemoryError',"
                + " 'traceback': ['  File \\'execution.py\\', line 327\\n'], 'current_inputs': {'steps': [30],"
                + " 'sampler_name': ['uni_pc']}, 'current_outputs': ['37'], 'timestamp': 1732368000000}}");

        ExecutionError error = failed.error();
        assertThat(error.promptId()).isEqualTo(ID);
        assertThat(error.nodeId()).isEqualTo("3");
        assertThat(error.nodeType()).isEqualTo("KSampler");
        assertThat(error.executed()).containsExactly("37", "38");
        assertThat(error.exceptionType()).isEqualTo("torch.OutOfMemoryError");
        assertThat(error.exceptionMessage()).startsWith("CUDA out of memory. Tried to allocate 2.50 GiB.");
        assertThat(error.traceback()).hasSize(1);
        assertThat(error.currentInputs()).containsEntry("steps", List.of("30")).containsEntry("sampler_name", List.of("uni_pc"));
        assertThat(error.currentOutputs()).containsExactly("37");
        assertThat(error.timestamp()).isEqualTo(1_732_368_000_000L);
        assertThat(error.rawJson()).contains("\"exception_type\":\"torch.OutOfMemoryError\"");
        assertThat(error.summary())
                .isEqualTo("KSampler (node 3): torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB.");
    }

    @Test
    void readsAnInterruption() {
        assertThat(parse("{'type': 'execution_interrupted', 'data': {'prompt_id': '" + ID + "', 'node_id': '3',"
                + " 'node_type': 'KSampler', 'executed': ['37'], 'timestamp': 3}}"))
                .isEqualTo(new ExecutionEvent.Interrupted(ID, "3", "KSampler", List.of("37")));
    }

    @Test
    void ignoresTypesItDoesNotUse() {
        assertThat(MessageParsing.message("{\"type\": \"progress_state\", \"data\": {\"prompt_id\": \"x\", \"nodes\": {}}}"))
                .isEmpty();
        assertThat(MessageParsing.message("{\"type\": \"feature_flags\", \"data\": {}}")).isEmpty();
        assertThat(MessageParsing.message("{\"type\": \"executing\", \"data\": {}}")).isEmpty();
    }

    @Test
    void theReconnectExecutingWithoutPromptIdIsAboutNoPrompt() {
        ExecutionEvent event = parse("{'type': 'executing', 'data': {'node': '3'}}");

        assertThat(MessageParsing.promptIdOf(event)).isEmpty();
    }

    @Test
    void textThatIsNotJsonIsAProtocolError() {
        assertThatThrownBy(() -> MessageParsing.message("not json"))
                .isInstanceOf(ComfyUiProtocolException.class)
                .hasMessageContaining("not JSON");
    }
}
