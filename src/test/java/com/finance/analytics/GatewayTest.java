package com.finance.analytics;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * A test of the whole gateway over real HTTP: the application on a random port serving
 * the real test snapshot ({@code build/test/snapshots}; the context fails to start when
 * {@code make test-data} has not run), with an
 * {@link org.springframework.graphql.test.tester.HttpGraphQlTester} and a
 * {@link GatewayHttp} bound to that port.
 *
 * <p>
 * Every class carrying only this annotation has the same configuration, so the suite
 * starts that context once and reuses it. A test that needs another snapshots directory
 * (none yet, a copy it swaps) declares its own {@code @DynamicPropertySource} for
 * {@code analytics.snapshots-dir}: dynamic properties win over this default.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestSnapshotProperty.class)
@TestPropertySource(properties = "analytics.snapshots-dir=${" + TestSnapshotProperty.NAME + "}")
@Import(GatewayClients.class)
public @interface GatewayTest {

}
