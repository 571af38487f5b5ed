/** Client-facing failures: the stable error codes and the exception that carries one, shared by GraphQL and REST. */
package com.finance.analytics.error;
