"""Django's PostgreSQL backend, with every round trip bounded on the client side too
(see base.py)."""
