package com.finance.analytics.schema;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Boot's GraphQL auto-configuration stays off (it only starts from schema files, and the
 * schema here is generated), but its web layer (/graphql, /graphiql) is used and needs
 * its properties.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlProperties.class)
class GraphQlConfiguration {

}
