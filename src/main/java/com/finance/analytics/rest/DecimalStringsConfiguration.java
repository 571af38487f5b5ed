package com.finance.analytics.rest;

import java.math.BigDecimal;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Decimals (money) leave REST as decimal strings, exactly as GraphQL sends them
 * ({@code BigDecimal} scalar): a JSON number would become a double in JavaScript and lose
 * cents when summed.
 */
@Configuration(proxyBeanMethods = false)
class DecimalStringsConfiguration {

	@Bean
	SimpleModule decimalStrings() {
		return new SimpleModule("decimal-strings").addSerializer(BigDecimal.class, new PlainDecimalSerializer());
	}

	private static final class PlainDecimalSerializer extends StdSerializer<BigDecimal> {

		PlainDecimalSerializer() {
			super(BigDecimal.class);
		}

		@Override
		public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(value.toPlainString());
		}

	}

}
