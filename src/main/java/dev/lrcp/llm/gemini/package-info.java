/**
 * Adapter for Gemini through {@code com.google.genai} (Gemini API with an API key, or Vertex AI
 * with a project and region). Translates only: SDK retries are switched off, nothing is timed,
 * logged or priced here.
 */
package dev.lrcp.llm.gemini;
