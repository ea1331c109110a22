package dev.lrcp.security;

/** Scans the input of a request before the model is called, and records per-client token use. */
public interface SecurityScanner {

  /**
   * @param document retrieved text sent with the prompt (indirect injection), or null
   * @param client caller identity for per-client token-abuse windows (never a metric tag)
   */
  SecurityVerdict scan(String prompt, String document, String client);
}
