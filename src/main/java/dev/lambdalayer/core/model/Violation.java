package dev.lambdalayer.core.model;

/**
 * One thing wrong with the configuration or the plan: where, what value, what is wrong, how to fix
 * it.
 */
public record Violation(Setting setting, String value, String problem, String fix) {}
