package io.github.poolbench.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A remote's address as a page shows it: a public https address, never a user name or a token. */
class RepositoryTest {

    @ParameterizedTest
    @CsvSource({
        "https://github.com/owner/poolbench.git,               https://github.com/owner/poolbench",
        "https://github.com/owner/poolbench/,                  https://github.com/owner/poolbench",
        "https://x-access-token:ghs_secret@github.com/o/r.git, https://github.com/o/r",
        "git@github.com:owner/poolbench.git,                   https://github.com/owner/poolbench",
        "ssh://git@github.com/owner/poolbench.git,             https://github.com/owner/poolbench",
        "https://git.example.org:8443/team/poolbench,          https://git.example.org:8443/team/poolbench",
    })
    void aRemoteBecomesItsWebAddress(String remote, String web) {
        assertEquals(Optional.of(new Repository(web)), Repository.of(remote));
    }

    @ParameterizedTest
    @CsvSource({
        "/home/me/poolbench",
        "file:///home/me/poolbench",
        "https://github.com",
        "javascript:alert(1)",
        "https://github.com/o/r?x=1",
        "https://github.com/../r"
    })
    void anythingElseIsNoRepository(String remote) {
        assertEquals(Optional.empty(), Repository.of(remote));
    }

    @org.junit.jupiter.api.Test
    void itsLinksPointAtTheIssuesAndTheEditor() {
        Repository repository = new Repository("https://github.com/o/r");

        assertEquals("https://github.com/o/r/issues/new", repository.issues());
        assertEquals(
                "https://github.com/o/r/edit/main/content/lessons/threads.md",
                repository.edit("content/lessons/threads.md"));
    }
}
