"""ACME's errfix_jupyter record pack: the records live in the ``records`` folder beside this file."""
