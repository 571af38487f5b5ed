package com.finance.analytics.bench;

import java.util.UUID;

/**
 * A user with data, one of their accounts (for balance history) and a valid token of
 * their own.
 */
record BenchUser(UUID userId, UUID accountId, String token) {
}
