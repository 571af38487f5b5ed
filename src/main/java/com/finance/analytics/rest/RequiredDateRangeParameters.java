package com.finance.analytics.rest;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Documents the inclusive date range every convenience view requires. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Parameter(name = QueryParameters.START_DATE, in = ParameterIn.QUERY, required = true,
        description = "First day (inclusive)", schema = @Schema(type = "string", format = "date"))
@Parameter(name = QueryParameters.END_DATE, in = ParameterIn.QUERY, required = true,
        description = "Last day (inclusive)", schema = @Schema(type = "string", format = "date"))
@interface RequiredDateRangeParameters {
}
