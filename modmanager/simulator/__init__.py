"""A simulated STARFACE that speaks the agent protocol, with fault injection and a demo world."""
