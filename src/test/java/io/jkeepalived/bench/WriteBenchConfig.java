package io.jkeepalived.bench;

/** Prints the benchmark configuration of N instances (bench/config-parse times -t on it). */
public final class WriteBenchConfig {

    private WriteBenchConfig() {
    }

    public static void main(String[] args) {
        System.out.print(ConfigParseBenchmark.config(Integer.parseInt(args[0])));
    }
}
