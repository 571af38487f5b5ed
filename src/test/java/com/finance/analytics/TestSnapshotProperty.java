package com.finance.analytics;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;

/**
 * Offers the path of the test snapshot as {@value #NAME}, looked up only when read: a
 * test that serves another snapshots directory never reads it, so it does not need
 * {@code make test-data}, while every other one fails fast with
 * {@link TestFixtures#testSnapshots()}'s message when the fixture is missing.
 */
final class TestSnapshotProperty implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	static final String NAME = "analytics.test.snapshots-dir";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment().getPropertySources().addLast(new PropertySource<>("test-snapshot", NAME) {
			@Override
			public Object getProperty(String name) {
				return NAME.equals(name) ? TestFixtures.testSnapshots().toString() : null;
			}
		});
	}

}
