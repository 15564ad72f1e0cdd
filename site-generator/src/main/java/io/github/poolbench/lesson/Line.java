package io.github.poolbench.lesson;

/** One line of lesson text and the line it came from in the file, so every pass can name it. */
record Line(int number, String text) {

    Line withText(String replacement) {
        return new Line(number, replacement);
    }

    boolean isBlank() {
        return text.isBlank();
    }
}
