/**
 * Describes the machine that produced a set of numbers, so that every figure on the site says
 * where it was measured.
 *
 * <p>{@link io.github.poolbench.machine.MachineProbe#describe MachineProbe.describe} gathers CPU,
 * memory, OS, JDK, container and virtualisation facts, the git commit and the date into a {@link
 * io.github.poolbench.format.MachineDescription} (the results format's type, which the site reads back); {@link io.github.poolbench.machine.PrivateJson}
 * writes it as {@code machine.json}. Linux is read from {@code /proc} and {@code /sys}; macOS
 * from {@code sysctl}; Windows from environment variables and the JVM's OperatingSystemMXBean.
 * Every subprocess runs under a timeout ({@link io.github.poolbench.machine.Commands}).
 *
 * <p>Privacy: no hostname and no user name is ever written. Nothing is derived from them (the
 * {@link io.github.poolbench.machine.MachineId machine id} comes from hardware facts), and
 * {@link io.github.poolbench.machine.Privacy} scrubs them from every string that reaches a file,
 * in case a path or a JVM flag carries one.
 */
package io.github.poolbench.machine;
