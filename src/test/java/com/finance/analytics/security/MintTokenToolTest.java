package com.finance.analytics.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.finance.analytics.TestFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local minting tool ({@code tools/mint_token.py}, behind {@code make token})
 * produces tokens the gateway accepts.
 */
class MintTokenToolTest {

	@Test
	void mintsTokenTheVerifierAccepts() throws Exception {
		UUID user = UUID.randomUUID();

		String token = mint("--user", user.toString(), "--scope", Caller.REFRESH_SCOPE);

		Caller caller = new JwtVerifier(JwtVerifierTest.properties(TestTokens.SECRET, "", "")).verify(token);
		assertThat(caller.userId()).isEqualTo(user);
		assertThat(caller.hasScope(Caller.REFRESH_SCOPE)).isTrue();
	}

	private static String mint(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("python3", "tools/mint_token.py"));
		command.addAll(List.of(args));
		var builder = new ProcessBuilder(command).directory(TestFixtures.repoRoot().toFile()).redirectErrorStream(true);
		builder.environment().put("ANALYTICS_JWT_SECRET", TestTokens.SECRET);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		assertThat(process.waitFor()).as(output).isZero();
		return output;
	}

}
