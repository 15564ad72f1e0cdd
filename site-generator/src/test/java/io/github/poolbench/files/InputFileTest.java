package io.github.poolbench.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class InputFileTest {

    @Test
    void theNameIsTheFileNameAsTheUserSeesIt() {
        InputFile file = new InputFile(
                Path.of("results", "lab", "run.json"), Path.of("/real/store/r1.json"), Path.of("lab", "run.json"));
        assertEquals("run.json", file.name());
    }
}
