"""Russian-Chinese digital-economy terminology: termbase, attestation, candidates, exports, checks."""
