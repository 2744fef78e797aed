package dev.storycore.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RunCommandInputTest {

    private static final String GOOD = """
            {"id": "good", "workflow": "text-to-video", "model": "wan2.1-t2v-1.3b", "prompt": "fox"}""";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            invalid JSON      | {"id": "bad", "workflow": "t2v" "model": "x"}                                                  | invalid JSON at line 2
            unknown model     | {"id": "bad", "workflow": "t2v", "model": "wan9-t2v", "prompt": "x"}                         | shot 'bad': unknown model 'wan9-t2v'
            missing image     | {"id": "bad", "workflow": "i2v", "model": "wan2.1-i2v-14b-480p", "image": "nope.png"}        | shot 'bad': image 'nope.png' not found
            negative frames   | {"id": "bad", "workflow": "t2v", "model": "wan2.1-t2v-1.3b", "prompt": "x", "frames": -5}    | shot 'bad': frames must be positive, was -5
            unknown workflow  | {"id": "bad", "workflow": "dance", "model": "wan2.1-t2v-1.3b", "prompt": "x"}                | shot 'bad': unknown workflow 'dance'
            bad size          | {"id": "bad", "workflow": "t2v", "model": "wan2.1-t2v-1.3b", "prompt": "x", "size": "big"}  | shot 'bad': bad size 'big'
            wrong workflow    | {"id": "bad", "workflow": "inpaint", "model": "wan2.1-t2v-1.3b", "video": "board.json", "mask": "board.json"} | shot 'bad': wan2.1-t2v-1.3b does not support INPAINT
            frames not number | {"id": "bad", "workflow": "t2v", "model": "wan2.1-t2v-1.3b", "prompt": "x", "frames": "ten"} | shot 'bad': "frames" must be a whole number
            """)
    void aBadShotExitsTwoWithOneLineNamingItAndWritesNothing(String name, String shot, String expected)
            throws IOException {
        Path file = Files.writeString(dir.resolve("board.json"), "{\"shots\": [" + GOOD + ",\n" + shot + "]}");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("run", file.toString(), "--out", out.toString());

        assertThat(run.exit()).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString().startsWith("storycore: board.json: ")
                .contains(expected);
        assertThat(run.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad URL                   | --backend | http://                                     | --backend: bad URL
            not a backend             | --backend | gpu-farm                                    | --backend must be sim or http(s) URLs
            bad chaos                 | --chaos   | wild                                        | --chaos must be none, mild or harsh
            bad concurrency           | --concurrency | 0                                       | --concurrency must be at least 1
            """)
    void badOptionsExitTwoBeforeAnythingIsWritten(String name, String option, String value, String expected)
            throws IOException {
        Path file = Files.writeString(dir.resolve("board.json"), "{\"shots\": [" + GOOD + "]}");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("run", file.toString(), "--out", out.toString(), option, value);

        assertThat(run.exit()).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString().contains(expected);
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a file             | board.json         | --out {out} is a file, not a folder
            inside a file      | board.json/reports | --out {out}: cannot create or write the folder (FileSystemException
            """)
    void anOutputFolderThatCannotBeWrittenExitsTwoBeforeAnyWork(String name, String out, String expected)
            throws IOException {
        Path file = Files.writeString(dir.resolve("board.json"), "{\"shots\": [" + GOOD + "]}");
        Path target = dir.resolve(out);

        CliRun run = CliRun.of("run", file.toString(), "--out", target.toString());

        assertThat(run.exit()).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("storycore: " + expected.replace("{out}", target.toString()));
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(file)).contains("\"good\"");
    }

    @Test
    void aStoryboardThatIsNotUtf8TextOrIsAFolderIsNamedAsSuch() throws IOException {
        Path binary = Files.write(dir.resolve("board.json"), new byte[] {(byte) 0xff, (byte) 0xfe, '{'});

        CliRun notText = CliRun.of("run", binary.toString(), "--out", dir.resolve("out").toString());
        CliRun folder = CliRun.of("run", dir.toString(), "--out", dir.resolve("out").toString());

        assertThat(notText.exit()).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(notText.err().lines()).singleElement().asString()
                .isEqualTo("storycore: board.json: not UTF-8 text; save the storyboard as UTF-8 JSON");
        assertThat(folder.exit()).isEqualTo(StoryCore.BAD_INPUT);
        assertThat(folder.err().lines()).singleElement().asString()
                .isEqualTo("storycore: storyboard " + dir + " is a folder; give the storyboard's JSON file");
        assertThat(dir.resolve("out")).doesNotExist();
    }
}
