package dev.signozha.core.plan;

/** A change with how disruptive it is and the one-line reason shown to the operator. */
public record ClassifiedChange(Change change, Disruption disruption, String reason) {}
