"""Needs: gaps countries state or the engine derives, matched with sessions and partners that could fill them."""
