/**
 * Reading input folders safely: only regular files whose real path lies inside the folder are
 * read, so a symbolic link in a pull request cannot publish {@code /proc/self/environ}, and a FIFO
 * cannot hang the build.
 */
package io.github.poolbench.files;
