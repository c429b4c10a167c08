# websockets.client for Looplab: the client API lives in websockets.py.
from websockets import WebSocketClientProtocol, connect

__all__ = ["connect", "WebSocketClientProtocol"]
