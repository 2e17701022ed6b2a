/** The {@code ses} sender: Amazon SES v2 {@code SendEmail} with raw MIME content (AWS SDK v2). */
package io.strandsetl.notify.ses;
