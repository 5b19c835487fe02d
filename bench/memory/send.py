#!/usr/bin/env python3
"""Sends signed Shopify orders numbered FIRST..LAST to Ponte over keep-alive connections, 4 at a
time, and fails unless every one is delivered. Usage: send.py PORT FIRST LAST"""
import base64, hashlib, hmac, http.client, json, sys, threading

port, first, last = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
failures = []


def send(numbers):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for i in numbers:
        body = ('{"id":%d,"name":"#%d","email":"maria+%d@example.com","financial_status":"pending","currency":"BRL",'
                '"total_price":"199.90","line_items":[{"product_id":1,"sku":"CAMISA-P","title":"Camisa","quantity":1,'
                '"price":"199.90"}]}' % (i, i, i))
        signature = base64.b64encode(hmac.new(b"bench-secret", body.encode(), hashlib.sha256).digest()).decode()
        connection.request("POST", "/webhooks/shopify", body, {
            "Content-Type": "application/json", "X-Shopify-Topic": "orders/create",
            "X-Shopify-Webhook-Id": "memory-%d" % i, "X-Shopify-Hmac-Sha256": signature})
        answer = connection.getresponse().read()
        if json.loads(answer).get("outcome") != "delivered":
            failures.append((i, answer))


threads = [threading.Thread(target=send, args=(range(first + k, last + 1, 4),)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
if failures:
    sys.exit("not delivered: %d, first %s" % (len(failures), failures[0]))
