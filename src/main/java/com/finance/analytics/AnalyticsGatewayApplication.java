package com.finance.analytics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class AnalyticsGatewayApplication {

	public static void main(String[] args) {
		SpringApplication.run(AnalyticsGatewayApplication.class, args);
	}

}
