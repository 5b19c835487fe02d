-- POST one SALE event, as a caller of Ponte's /events (or of RD, through the relay) sends it.
local f = io.open("bench/overhead/sale.json")
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer bench"
