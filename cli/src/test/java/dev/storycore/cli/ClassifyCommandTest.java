package dev.storycore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code storycore classify}, run through {@link StoryCore#execute} with standard input replaced. */
class ClassifyCommandTest {

    private static final String OOM = "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB."
            + " GPU 0 has a total capacity of 15.70 GiB of which 1.12 GiB is free.";

    private InputStream originalIn;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void keepStandardInput() {
        originalIn = System.in;
    }

    @AfterEach
    void restoreStandardInput() {
        System.setIn(originalIn);
    }

    private int run(String stdin, String... args) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        return StoryCore.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void printsTheDocumentedJsonFields() throws Exception {
        int code = run(OOM, "classify", "--model", "wan2.1-t2v-14b", "--json");

        assertThat(code).isEqualTo(StoryCore.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("category").asText()).isEqualTo("MEMORY_MANAGEMENT");
        assertThat(json.path("disposition").asText()).isEqualTo("ADJUST_AND_RETRY");
        assertThat(json.path("severity").asText()).isEqualTo("HIGH");
        assertThat(json.path("code").asText()).isEqualTo("GPU_OOM");
        assertThat(json.path("message").asText()).contains("wan2.1-t2v-14b", "2.50 GiB", "15.70 GiB");
        assertThat(json.path("guidance").isArray()).isTrue();
        assertThat(json.path("guidance")).isNotEmpty();
        assertThat(json.path("coreCategory").asText()).isEqualTo("MEMORY");
        assertThat(json.path("details").path("requestedBytes").asLong()).isEqualTo(2_684_354_560L);
        assertThat(json.path("details").path("modelId").asText()).isEqualTo("wan2.1-t2v-14b");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void printsReadableTextByDefault() {
        int code = run("ConnectionRefusedError: [Errno 111] Connection refused", "classify");

        assertThat(code).isEqualTo(StoryCore.OK);
        assertThat(out.toString())
                .contains("code:        BACKEND_CONNECTION_REFUSED")
                .contains("disposition: RETRY_AS_IS")
                .contains("message:     The backend")
                .contains("guidance:\n  - ");
    }

    @Test
    void classifiesComfyJsonFromStandardInput() throws Exception {
        String payload = "{\"type\": \"execution_error\", \"data\": {\"prompt_id\": \"p\", \"node_id\": \"37\","
                + " \"node_type\": \"UNETLoader\", \"exception_type\": \"safetensors_rust.SafetensorError\","
                + " \"exception_message\": \"Error while deserializing header: MetadataIncompleteBuffer\"}}";

        int code = run(payload, "classify", "--json");

        assertThat(code).isEqualTo(StoryCore.OK);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.path("code").asText()).isEqualTo("WEIGHTS_TRUNCATED");
        assertThat(json.path("disposition").asText()).isEqualTo("DO_NOT_RETRY");
        assertThat(json.path("details").path("nodeType").asText()).isEqualTo("UNETLoader");
    }

    @Test
    void unknownTextIsClassifiedAsUnknownNotAnError() {
        int code = run("nothing anyone has seen before", "classify", "--json");

        assertThat(code).isEqualTo(StoryCore.OK);
        assertThat(out.toString()).contains("\"code\" : \"UNKNOWN\"", "\"disposition\" : \"DO_NOT_RETRY\"");
    }

    @Test
    void emptyStandardInputExitsWithCodeTwoAndOneLine() {
        int code = run("", "classify");

        assertThat(code).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).hasSize(1).first().asString().contains("standard input is empty");
    }

    @Test
    void blankStandardInputCountsAsEmpty() {
        assertThat(run(" \n\t\n", "classify", "--json")).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void blankModelIdIsBadUsage() {
        int code = run(OOM, "classify", "--model", "  ");

        assertThat(code).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(err.toString().lines()).hasSize(1).first().asString().contains("--model");
    }

    @Test
    void unknownModelIdIsBadInputNamingTheModel() {
        int code = run(OOM, "classify", "--model", "wan9-mega");

        assertThat(code).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(err.toString().lines()).hasSize(1).first().asString().contains("wan9-mega");
    }

    @Test
    void unknownOptionIsBadUsage() {
        assertThat(run(OOM, "classify", "--colour")).isEqualTo(StoryCore.BAD_INPUT);
    }

    @Test
    void isListedInTheTopLevelHelp() {
        run("", "--help");

        assertThat(out.toString()).contains("classify");
    }

    @Test
    void readsTheInputItIsGivenInsteadOfSystemIn() {
        var command = new ClassifyCommand(() -> new ByteArrayInputStream(OOM.getBytes(StandardCharsets.UTF_8)));
        var line = new CommandLine(command);
        line.setOut(new PrintWriter(out, true));

        int code = line.execute("--json");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"code\" : \"GPU_OOM\"");
    }
}
