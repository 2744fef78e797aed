package dev.storycore.comfyui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class HistoryParsingTest {

    private static final String ID = "0c9f6c55-2a4e-4f0f-8d6f-0b6d2a7c3e11";

    private static JsonNode json(String text) throws Exception {
        return TestSupport.JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void aSuccessfulEntryBecomesSuccessWithEveryFileKind() throws Exception {
        JsonNode root = json("{'" + ID + "': {'prompt': [0, '" + ID + "', {}, {}, ['28']], 'outputs': {"
                + "'28': {'images': [{'filename': 'a.webp', 'subfolder': '', 'type': 'output'}], 'animated': [true]},"
                + "'40': {'gifs': [{'filename': 'b.mp4', 'subfolder': 'video', 'type': 'output', 'format': 'video/h264-mp4'}]}},"
                + "'status': {'status_str': 'success', 'completed': true, 'messages': [['execution_start',"
                + " {'prompt_id': '" + ID + "', 'timestamp': 1}], ['execution_success', {'prompt_id': '" + ID + "'}]]},"
                + "'meta': {}}}");

        HistoryEntry entry = HistoryParsing.entry(root, ID).orElseThrow();

        assertThat(entry.completed()).isTrue();
        assertThat(entry.messages()).containsExactly(new ExecutionEvent.Started(ID), new ExecutionEvent.Succeeded(ID));
        ExecutionResult.Success success = (ExecutionResult.Success) entry.toResult();
        assertThat(success.files()).containsExactly(
                new OutputFile("a.webp", "", FolderType.OUTPUT, "images"),
                new OutputFile("b.mp4", "video", FolderType.OUTPUT, "gifs"));
    }

    @Test
    void anErrorEntryBecomesFailedWithTheRecordedError() throws Exception {
        JsonNode root = json("{'" + ID + "': {'outputs': {}, 'status': {'status_str': 'error', 'completed': false,"
                + " 'messages': [['execution_error', {'prompt_id': '" + ID + "', 'node_id': '37', 'node_type': 'UNETLoader',"
                + " 'exception_message': 'Error while deserializing header: MetadataIncompleteBuffer',"
                + " 'exception_type': 'safetensors_rust.SafetensorError'}]]}}}");

        ExecutionResult result = HistoryParsing.entry(root, ID).orElseThrow().toResult();

        assertThat(result).isInstanceOfSatisfying(ExecutionResult.Failed.class, failed -> {
            assertThat(failed.error().exceptionType()).isEqualTo("safetensors_rust.SafetensorError");
            assertThat(failed.toException()).hasMessage("UNETLoader (node 37): safetensors_rust.SafetensorError:"
                    + " Error while deserializing header: MetadataIncompleteBuffer");
        });
    }

    @Test
    void anInterruptedEntryBecomesInterrupted() throws Exception {
        JsonNode root = json("{'" + ID + "': {'outputs': {}, 'status': {'status_str': 'error', 'completed': false,"
                + " 'messages': [['execution_interrupted', {'prompt_id': '" + ID + "', 'node_id': '3',"
                + " 'node_type': 'KSampler', 'executed': []}]]}}}");

        assertThat(HistoryParsing.entry(root, ID).orElseThrow().toResult())
                .isEqualTo(new ExecutionResult.Interrupted(ID, "3", "KSampler"));
    }

    @Test
    void anErrorStatusWithoutDetailsIsStillAFailure() throws Exception {
        JsonNode root = json("{'" + ID + "': {'outputs': {}, 'status': {'status_str': 'error', 'completed': false, 'messages': []}}}");

        assertThat(HistoryParsing.entry(root, ID).orElseThrow().toResult())
                .isInstanceOfSatisfying(ExecutionResult.Failed.class,
                        failed -> assertThat(failed.error().exceptionMessage()).contains("status 'error'"));
    }

    @Test
    void anEmptyAnswerMeansNotFinished() throws Exception {
        assertThat(HistoryParsing.entry(json("{}"), ID)).isEmpty();
    }

    @Test
    void anUnknownFolderTypeIsAProtocolError() throws Exception {
        JsonNode ui = json("{'images': [{'filename': 'a.png', 'subfolder': '', 'type': 'elsewhere'}]}");

        assertThatThrownBy(() -> HistoryParsing.files(ui)).isInstanceOf(ComfyUiProtocolException.class);
    }

    @Test
    void readsTheQueueTuples() throws Exception {
        QueueState queue = HistoryParsing.queue(json("{'queue_running': [[3, 'a', {}, {}, []]],"
                + " 'queue_pending': [[4, 'b', {}, {}, []], [5, 'c', {}, {}, []]]}"));

        assertThat(queue.isRunning("a")).isTrue();
        assertThat(queue.isPending("c")).isTrue();
        assertThat(queue.contains("d")).isFalse();
        assertThat(queue.pending()).extracting(QueueState.Item::number).containsExactly(4.0, 5.0);
    }
}
