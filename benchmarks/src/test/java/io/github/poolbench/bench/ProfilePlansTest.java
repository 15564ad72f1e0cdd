package io.github.poolbench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.poolbench.format.Profile;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;

class ProfilePlansTest {

    /** What JMH will do: the step's sizing, else the class's annotation. */
    static int forks(RunPlan.Step step) {
        Integer forks = step.sizing().forks();
        return forks != null
                ? forks
                : step.benchmark().getAnnotation(Fork.class).value();
    }

    static int samples(RunPlan.Step step) {
        Integer iterations = step.sizing().iterations();
        int perFork = iterations != null
                ? iterations
                : step.benchmark().getAnnotation(Measurement.class).iterations();
        return forks(step) * perFork;
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void everyPointOfEveryProfileHasAtLeastTenSamples(Profile profile) {
        for (RunPlan.Step step : ProfilePlans.of(profile)) {
            assertTrue(samples(step) >= 10, profile.id() + ": " + step);
        }
    }

    @Test
    void smokeCoversASleepSweepOfEveryKindAndItsBaseline() {
        List<RunPlan.Step> plan = ProfilePlans.of(Profile.SMOKE);
        assertTrue(plan.stream().allMatch(s -> s.benchmark() == SleepBenchmark.class));
        Set<String> kinds = plan.stream()
                .filter(s -> s.methods().contains("map"))
                .flatMap(s -> s.params().get("pool").stream())
                .collect(Collectors.toSet());
        assertEquals(Set.of("PROCESS", "THREAD", "VIRTUAL"), kinds);
        assertTrue(plan.stream().anyMatch(s -> s.methods().contains("sequential")));
        assertTrue(plan.stream().allMatch(s -> forks(s) == 1));
    }

    @Test
    void quickRunsEveryMethodOfTheLessonsClassesAndStartUp() {
        List<RunPlan.Step> plan = ProfilePlans.of(Profile.QUICK);
        for (Class<?> type : SuiteClasses.ALL) {
            assertEquals(SuiteClasses.benchmarkMethods(type), methodsPlanned(plan, type), type.getSimpleName());
        }
        for (Class<?> type : List.of(ChunkSizeBenchmark.class, JdkMapBenchmark.class, CommonPoolBenchmark.class)) {
            assertEquals(SuiteClasses.benchmarkMethods(type), methodsPlanned(plan, type), type.getSimpleName());
        }
        assertEquals(Set.of("open", "baselineBareJvms"), methodsPlanned(plan, PoolStartupBenchmark.class));
        assertTrue(plan.stream().allMatch(s -> forks(s) == 1));
        // sleep 15 + 1, fetch 8 + 1, primes 9 + 1, square 6 + 1, chunks 6 + 1, JDK 4, many 7,
        // CompletableFuture 4, start-up 6 + 2
        assertEquals(72, RunPlan.count(plan));
    }

    @Test
    void fullRunsEveryClassWithTwoForksOrMore() {
        List<RunPlan.Step> plan = ProfilePlans.of(Profile.FULL);
        for (RunPlan.Step step : plan) {
            assertTrue(forks(step) >= 2, step.toString());
        }
        for (Class<?> type : SuiteClasses.EVERY) {
            assertEquals(SuiteClasses.benchmarkMethods(type), methodsPlanned(plan, type), type.getSimpleName());
        }
        assertTrue(RunPlan.count(plan) > RunPlan.count(ProfilePlans.of(Profile.QUICK)));
    }

    @Test
    void fullKeepsTheLessonsSweepsWhole() {
        // Sleep steps split the sizes between them; together they cover the annotation's 1 to 12.
        List<RunPlan.Step> plan = ProfilePlans.of(Profile.FULL);
        Set<String> sleepSizes = plan.stream()
                .filter(s ->
                        s.benchmark() == SleepBenchmark.class && s.methods().contains("map"))
                .flatMap(s -> s.params().get("poolSize").stream())
                .collect(Collectors.toSet());
        assertEquals(12, sleepSizes.size());
        assertTrue(plan.stream().noneMatch(s -> s.params().containsKey("sleepMillis")), "full naps 100 ms");
        assertTrue(plan.stream().noneMatch(s -> s.params().containsKey("bound")), "full counts below 900,000");
    }

    @Test
    void targetsAreTenPercentExceptFull() {
        assertEquals(10.0, Profile.QUICK.targetErrorPercent());
        assertEquals(5.0, Profile.FULL.targetErrorPercent());
    }

    @Test
    void noProfileIsEmpty() {
        for (Profile profile : Profile.values()) {
            assertFalse(ProfilePlans.of(profile).isEmpty(), profile.id());
        }
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theFormatFindsThesePlansAsAService(Profile profile) {
        assertEquals(RunPlan.planned(ProfilePlans.of(profile)), profile.planned());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "SleepBenchmark.map, SMOKE",
        "io.github.poolbench.bench.PoolStartupBenchmark.open, QUICK",
        "CrashDetectionBenchmark.killedMidTask, FULL",
        "OtherProjectBenchmark.run, ''"
    })
    void theSmallestProfileRunningABenchmarkIsNamed(String benchmark, String smallest) {
        assertEquals(
                smallest.isEmpty() ? Optional.empty() : Optional.of(Profile.valueOf(smallest)),
                Profile.smallestRunning(benchmark));
    }

    private static Set<String> methodsPlanned(List<RunPlan.Step> plan, Class<?> type) {
        return plan.stream()
                .filter(s -> s.benchmark() == type)
                .flatMap(s -> s.methods().stream())
                .collect(Collectors.toSet());
    }
}
