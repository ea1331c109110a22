/**
 * The one request flow shared by every public completion endpoint (/qa, /reason, /stress and the
 * OpenAI-compatible gateway): scan, route, call the model port, score, describe. Controllers stay
 * thin and never repeat this flow; this package never knows HTTP.
 */
package dev.lrcp.completion;
