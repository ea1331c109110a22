/**
 * The original's completion contract shared by {@code /qa}, {@code /reason} and {@code /stress}:
 * their call context, and the answer with its metadata. The calls themselves run through {@code
 * dev.lrcp.flow}; this package only translates.
 */
package dev.lrcp.completion;
