#!/usr/bin/env python3
"""N distinct Shopify orders, each signed as Shopify signs (base64 HMAC-SHA256 of the body): "<hmac>\t<body>"."""
import base64, hashlib, hmac, sys

for i in range(int(sys.argv[1])):
    body = ('{"id":%d,"name":"#%d","email":"maria+%d@example.com","financial_status":"pending","currency":"BRL",'
            '"total_price":"199.90","line_items":[{"product_id":1,"sku":"CAMISA-P","title":"Camisa","quantity":1,'
            '"price":"199.90"}]}' % (i + 1, i + 1, i))
    digest = hmac.new(b"bench-secret", body.encode(), hashlib.sha256).digest()
    print(base64.b64encode(digest).decode() + "\t" + body)
