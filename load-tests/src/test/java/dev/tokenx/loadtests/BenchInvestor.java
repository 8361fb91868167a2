package dev.tokenx.loadtests;

import java.util.UUID;

/**
 * One benchmark investor, {@code bench-0001} and on. Every identifier is derived from the number, so seeding the same
 * investors again finds the rows it wrote before instead of adding new ones.
 */
record BenchInvestor(int number, UUID id, String username, String walletAddress, UUID depositEntryId) {

    static BenchInvestor number(int number) {
        if (number < 1 || number > 99_999) {
            throw new IllegalArgumentException("Benchmark investors are numbered 1 to 99999, got " + number);
        }
        return new BenchInvestor(
                number,
                UUID.fromString("be9c0000-0000-4000-8000-%012d".formatted(number)),
                "bench-%04d".formatted(number),
                "0xbe9c%036d".formatted(number),
                UUID.fromString("de9c0000-0000-4000-8000-%012d".formatted(number)));
    }
}
