package io.strandsetl.notify.ses;

import io.strandsetl.notify.EmailMessage;
import io.strandsetl.notify.EmailSender;
import io.strandsetl.notify.MimeEncoding;
import io.strandsetl.notify.SendResult;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.RawMessage;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;
import software.amazon.awssdk.services.sesv2.model.SendEmailResponse;

/**
 * Sends through the Amazon SES v2 API ({@code SendEmail} with raw content), so SES receives exactly
 * the MIME bytes the other senders produce. The SDK's own retries are off: the outbox retries, with
 * its persistent backoff, and one place decides.
 *
 * <p>A 4xx answer other than throttling (message rejected, address not verified, sending paused) is
 * permanent; throttling, 5xx and network errors are retried.
 */
public final class SesEmailSender implements EmailSender {
  private final SesV2Client client;

  public SesEmailSender(SesSettings settings) {
    AwsCredentialsProvider credentials =
        settings.accessKeyId() == null
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    settings.accessKeyId(), settings.secretAccessKey().reveal()));
    Duration timeout = Duration.ofMillis(settings.timeoutMs());
    SesV2ClientBuilder builder =
        SesV2Client.builder()
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials)
            .httpClientBuilder(
                UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout))
            .overrideConfiguration(
                c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()).apiCallTimeout(timeout));
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    this.client = builder.build();
  }

  @Override
  public String name() {
    return "ses";
  }

  @Override
  public SendResult send(EmailMessage message) {
    SendEmailRequest request =
        SendEmailRequest.builder()
            .fromEmailAddress(message.from())
            .destination(Destination.builder().toAddresses(message.to()).build())
            .content(
                EmailContent.builder()
                    .raw(
                        RawMessage.builder()
                            .data(SdkBytes.fromByteArray(MimeEncoding.toBytes(message)))
                            .build())
                    .build())
            .build();
    try {
      SendEmailResponse response = client.sendEmail(request);
      return new SendResult.Accepted(response.messageId());
    } catch (SdkServiceException e) {
      int status = e.statusCode();
      boolean permanent =
          status >= 400 && status < 500 && status != 429 && !e.isThrottlingException();
      return new SendResult.Rejected(
          "Cannot send via SES (HTTP " + status + "): " + oneLine(e.getMessage()), permanent);
    } catch (SdkException e) {
      return new SendResult.Rejected("Cannot reach SES: " + oneLine(e.getMessage()), false);
    }
  }

  private static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s+", " ").strip();
  }

  @Override
  public void close() {
    client.close();
  }
}
