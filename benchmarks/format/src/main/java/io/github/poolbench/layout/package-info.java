/**
 * What the programs that write results and the programs that read them agree on: {@link
 * io.github.poolbench.layout.ResultsLayout} is the one definition of the results folder, its
 * file names and its run ids. The suite writes it; the site's loader, its pages and {@code record}
 * read it.
 */
package io.github.poolbench.layout;
