// sources feature strings, pt-BR and English (English typed from pt-BR: a missing one fails tsc).
// Written for a shop owner: say where to click on each platform, never assume webhook jargon.
export const sourcesPt = {
  'sources.connectStore': 'Conectar uma loja',
  'sources.emptyHint':
    'Uma fonte é a sua conta na Kiwify, Hotmart, Nuvemshop ou Shopify. Conectada, cada carrinho abandonado, PIX ou boleto gerado vira um cartão na conversa do cliente.',
  'sources.copy': 'Copiar',
  'sources.copied': 'Copiado!',
  'sources.copyFailed': 'Não deu para copiar',
  'sources.copyWhat': 'Copiar {what}',
  'sources.reveal': 'Mostrar',
  'sources.hide': 'Ocultar',
  'sources.back': 'Voltar',
  'sources.save': 'Salvar',
  'sources.close': 'Fechar',
  'sources.advanced': 'Avançado',
  'sources.platform.kiwify': 'Kiwify',
  'sources.platform.hotmart': 'Hotmart',
  'sources.platform.nuvemshop': 'Nuvemshop',
  'sources.platform.shopify': 'Shopify',
  'sources.platformBlurb.kiwify': 'Cursos e produtos digitais. Configuração automática.',
  'sources.platformBlurb.hotmart': 'Produtos digitais. Você cola o endereço no painel da Hotmart.',
  'sources.platformBlurb.nuvemshop': 'Loja virtual. Precisa do token do seu aplicativo.',
  'sources.platformBlurb.shopify': 'Loja virtual. Automática com um token da Admin API.',
  'sources.wizard.title': 'Conectar uma loja',
  'sources.wizard.progress': 'Etapas',
  'sources.wizard.cancel': 'Cancelar',
  'sources.wizard.finishLater': 'Fechar (termino depois)',
  'sources.wizard.choosePlatform': 'Onde você vende?',
  'sources.wizard.detailsTitle': 'Sua conta {platform}',
  'sources.wizard.create': 'Criar fonte',
  'sources.step.platform': 'Plataforma',
  'sources.step.details': 'Dados',
  'sources.step.connect': 'Conectar',
  'sources.step.test': 'Testar',
  'sources.field.name': 'Nome da fonte',
  'sources.field.namePlaceholder': 'Ex.: Loja da Ana',
  'sources.field.nameHint': 'Só para você reconhecer: aparece nos cartões e filtros.',
  'sources.field.checkoutUrl': 'Link de pagamento do produto (opcional)',
  'sources.field.checkoutUrlHint':
    'A Hotmart não envia o link do checkout: informe-o para mandar ao cliente que abandonou o carrinho.',
  'sources.field.clientId': 'Client ID',
  'sources.field.clientSecret': 'Client secret',
  'sources.field.accountId': 'Account ID',
  'sources.field.storeId': 'ID da loja (store id)',
  'sources.field.apiToken': 'Token de acesso (access token)',
  'sources.field.shopDomain': 'Domínio da loja (minha-loja.myshopify.com)',
  'sources.field.adminToken': 'Token da Admin API (shpat_…)',
  'sources.field.keepStored': 'guardado (deixe em branco para manter)',
  'sources.field.apiBase': 'Endereço da API',
  'sources.field.apiBasePlaceholder': 'padrão da plataforma',
  'sources.field.apiBaseHint': 'Deixe em branco. Só muda em testes ou com orientação do suporte.',
  'sources.secret.kiwify': 'Token do webhook',
  'sources.secret.hotmart': 'Hottok',
  'sources.secret.nuvemshop': 'Client secret do aplicativo',
  'sources.secret.shopify': 'Chave de assinatura dos webhooks',
  'sources.secretHint.kiwify':
    'O Recupera cria o token do webhook para você. Ele confere que cada aviso veio mesmo da Kiwify.',
  'sources.secretHint.hotmart':
    'Na Hotmart: Ferramentas → Webhook (API e notificações) → Configurações. Copie o “Hottok de verificação”.',
  'sources.secretHint.nuvemshop':
    'No Portal de Parceiros da Nuvemshop: Aplicativos → seu aplicativo → Dados básicos → “Client secret”.',
  'sources.secretHint.shopify':
    'Webhooks criados à mão: Configurações → Notificações → Webhooks, a chave aparece abaixo da lista. Com app personalizado: o “Segredo da API” do app.',
  'sources.auto.legend': 'Configuração automática',
  'sources.auto.toggle': 'Quero que o Recupera configure o webhook na plataforma para mim',
  'sources.auto.nuvemshopNeeded':
    'A Nuvemshop só avisa o número do pedido: sem o ID da loja e o token, o Recupera não consegue mostrar os pedidos.',
  'sources.credentialsHint.kiwify':
    'Na Kiwify: Apps → API → Criar chave de API. Copie o client_id, o client_secret e o account_id mostrados lá.',
  'sources.credentialsHint.nuvemshop':
    'O ID da loja e o token de acesso que a Nuvemshop entregou ao instalar o seu aplicativo. Com eles o Recupera registra os webhooks, lê os pedidos e os carrinhos abandonados.',
  'sources.credentialsHint.shopify':
    'No admin da Shopify: Configurações → Apps e canais de vendas → Desenvolver apps → seu app → Credenciais da API. Permissões: pedidos e checkouts.',
  'sources.connect.title': 'Ligue a {platform} ao Recupera',
  'sources.connect.url': 'Endereço do webhook (URL)',
  'sources.connect.localWarning':
    'Este endereço só funciona neste computador. Para receber vendas de verdade, o Recupera precisa do túnel ligado (veja o estado em Configurações): com ele, ganha um endereço público e atualiza os webhooks sozinho.',
  'sources.connect.autoIntro':
    'Com as credenciais que você informou, o Recupera cria o webhook na {platform} apontando para o endereço acima.',
  'sources.connect.register': 'Configurar na {platform} agora',
  'sources.connect.registering': 'Configurando…',
  'sources.connect.autoFailedHelp':
    'Confira as credenciais (Editar) e tente de novo, ou configure à mão com o endereço e o segredo acima.',
  'sources.connect.manualIntro': 'Na {platform}, faça assim:',
  'sources.connect.next': 'Próximo: testar',
  'sources.connect.skipToTest': 'Pular e testar',
  'sources.manual.kiwify.1': 'Na Kiwify, abra Apps → Webhooks → Criar webhook.',
  'sources.manual.kiwify.2': 'Nome: Recupera. Em URL, cole o endereço acima. Produtos: todos.',
  'sources.manual.kiwify.3': 'Em Token, cole o token acima (use Copiar).',
  'sources.manual.kiwify.4':
    'Marque todos os eventos (carrinho abandonado, PIX e boleto gerados, compra aprovada, recusada, reembolsada, chargeback e assinaturas) e salve.',
  'sources.manual.hotmart.1':
    'Na Hotmart, abra Ferramentas → Webhook (API e notificações) → Cadastrar webhook.',
  'sources.manual.hotmart.2':
    'Dê um nome (Recupera), escolha os produtos e cole o endereço acima em URL. Versão: 2.0.0.',
  'sources.manual.hotmart.3':
    'Marque os eventos: carrinho abandonado, boleto/PIX impresso, compra aprovada, cancelada, reembolsada, chargeback, expirada, atrasada e cancelamento de assinatura.',
  'sources.manual.hotmart.4':
    'Salve. O Hottok mostrado na Hotmart tem de ser o mesmo que você colou aqui.',
  'sources.manual.nuvemshop.1':
    'A Nuvemshop só cria webhooks por um aplicativo: volte, marque a configuração automática e informe o ID da loja e o token.',
  'sources.manual.shopify.1':
    'No admin da Shopify, abra Configurações → Notificações → Webhooks → Criar webhook.',
  'sources.manual.shopify.2':
    'Crie um para cada evento: criação e atualização de checkout, criação, pagamento e cancelamento de pedido, criação de reembolso. Formato JSON, URL = o endereço acima.',
  'sources.manual.shopify.3':
    'A chave que assina esses webhooks aparece abaixo da lista: é o segredo que você colou.',
  'sources.test.title': 'Envie um evento de teste',
  'sources.test.intro':
    'O Recupera envia a si mesmo um aviso de compra de teste, assinado como a plataforma faria. Quando o cartão aparecer, está tudo ligado.',
  'sources.test.send': 'Enviar evento de teste',
  'sources.test.sendAgain': 'Enviar outro',
  'sources.test.waiting': 'Aguardando o cartão de teste…',
  'sources.test.arrived': 'Tudo certo! O evento de teste chegou:',
  'sources.test.badge': 'teste',
  'sources.test.receivedNuvemshop':
    'Recebido e conferido! Na Nuvemshop o cartão aparece quando chega um pedido de verdade: o Recupera busca os dados do pedido na loja.',
  'sources.test.failed': 'O teste não passou: {message}',
  'sources.test.openInbox': 'Ver nas conversas',
  'sources.test.done': 'Concluir',
  'sources.reg.none': 'webhook ainda não configurado',
  'sources.reg.registered': 'webhook configurado na plataforma',
  'sources.reg.manual': 'configuração manual',
  'sources.reg.needsManualUpdate': 'o endereço mudou: cole o novo endereço na plataforma',
  'sources.reg.unregistered': 'webhook removido da plataforma',
  'sources.reg.incomplete': 'configuração incompleta: {detail}',
  'sources.reg.failed': 'não deu para configurar: {detail}',
  'sources.reg.checked': 'verificado {when}',
  'sources.card.health': 'Saúde',
  'sources.card.edit': 'Editar',
  'sources.card.rotate': 'Trocar segredo',
  'sources.card.disable': 'Desativar',
  'sources.card.enable': 'Ativar',
  'sources.card.remove': 'Excluir',
  'sources.card.disabled': 'desativada',
  'sources.card.rotating': 'trocando segredo',
  'sources.health.allGood': 'Tudo certo com esta fonte.',
  'sources.health.tunnel': 'Túnel',
  'sources.health.lastEvent': 'Último evento',
  'sources.health.deliveries': 'Últimas 24 h',
  'sources.health.deliveriesValue':
    '{total} avisos recebidos: {stored} guardados, {duplicate} repetidos, {refused} recusados',
  'sources.health.registration': 'Webhook',
  'sources.health.refusals': 'Avisos recusados (24 h)',
  'sources.health.refresh': 'Atualizar',
  'sources.health.check': 'Verificar na plataforma',
  'sources.health.reregister': 'Configurar de novo',
  'sources.health.pasted': 'Já colei o novo endereço',
  'sources.tunnel.off': 'desligado (só este computador)',
  'sources.tunnel.connecting': 'conectando…',
  'sources.tunnel.up': 'no ar',
  'sources.tunnel.down': 'fora do ar',
  'sources.warn.disabled': 'Fonte desativada: os avisos da plataforma estão sendo recusados.',
  'sources.warn.tunnel_down':
    'O túnel está fora do ar: a plataforma não consegue entregar os avisos agora.',
  'sources.warn.local_url':
    'O endereço é local: só este computador o alcança. Ligue o túnel (estado em Configurações) para receber da plataforma.',
  'sources.warn.no_events':
    'Nenhum evento há {hours} horas. Confira se o webhook continua ativo na plataforma.',
  'sources.warn.refusals': '{count} avisos recusados nas últimas 24 h. Último motivo: {detail}',
  'sources.warn.duplicate_config':
    'Dois webhooks apontam para esta fonte: cada evento chega duas vezes. Apague um deles na plataforma.',
  'sources.warn.registration_failed': 'Problema na configuração do webhook: {detail}',
  'sources.warn.needs_manual_update':
    'O endereço público mudou: cole o novo endereço no painel da plataforma.',
  'sources.warn.rotating': 'Troca de segredo em andamento: o segredo antigo ainda é aceito.',
  'sources.warn.no_credentials':
    'Sem o token da Nuvemshop, o Recupera não consegue ler os pedidos. Informe-o em Editar.',
  'sources.rotate.intro':
    'Um segredo novo passa a valer agora; o antigo continua aceito até você confirmar, para nenhum aviso se perder no meio da troca.',
  'sources.rotate.newSecret': 'Novo segredo (copie da plataforma)',
  'sources.rotate.start': 'Trocar segredo',
  'sources.rotate.done':
    'Pronto. Quando a plataforma já estiver usando o novo segredo, confirme a troca.',
  'sources.rotate.doneKiwify':
    'Pronto. Se o webhook foi configurado automaticamente, a Kiwify já recebeu o novo token; senão, cole-o no webhook da Kiwify.',
  'sources.rotate.pending':
    'A troca está em andamento: o segredo antigo ainda é aceito. Confirme quando a plataforma usar o novo.',
  'sources.rotate.confirm': 'Confirmar troca (recusar o antigo)',
  'sources.remove.title': 'Excluir “{name}”?',
  'sources.remove.explain':
    'Todos os eventos recebidos por esta fonte e o registro de avisos dela serão apagados junto. As conversas continuam, mas sem os cartões desta fonte. Não dá para desfazer.',
  'sources.remove.webhooks': 'O Recupera também tenta remover o webhook da plataforma.',
  'sources.remove.alternative': 'Quer só pausar? Use Desativar: nada é apagado.',
  'sources.remove.keep': 'Manter',
  'sources.remove.confirm': 'Excluir fonte e eventos',
} as const

export const sourcesEn: Record<keyof typeof sourcesPt, string> = {
  'sources.connectStore': 'Connect a store',
  'sources.emptyHint':
    'A source is your Kiwify, Hotmart, Nuvemshop or Shopify account. Once connected, every abandoned cart, PIX or boleto becomes a card in the customer’s conversation.',
  'sources.copy': 'Copy',
  'sources.copied': 'Copied!',
  'sources.copyFailed': 'Could not copy',
  'sources.copyWhat': 'Copy {what}',
  'sources.reveal': 'Show',
  'sources.hide': 'Hide',
  'sources.back': 'Back',
  'sources.save': 'Save',
  'sources.close': 'Close',
  'sources.advanced': 'Advanced',
  'sources.platform.kiwify': 'Kiwify',
  'sources.platform.hotmart': 'Hotmart',
  'sources.platform.nuvemshop': 'Nuvemshop',
  'sources.platform.shopify': 'Shopify',
  'sources.platformBlurb.kiwify': 'Courses and digital products. Automatic setup.',
  'sources.platformBlurb.hotmart': 'Digital products. You paste the address in Hotmart’s panel.',
  'sources.platformBlurb.nuvemshop': 'Online store. Needs your app’s token.',
  'sources.platformBlurb.shopify': 'Online store. Automatic with an Admin API token.',
  'sources.wizard.title': 'Connect a store',
  'sources.wizard.progress': 'Steps',
  'sources.wizard.cancel': 'Cancel',
  'sources.wizard.finishLater': 'Close (finish later)',
  'sources.wizard.choosePlatform': 'Where do you sell?',
  'sources.wizard.detailsTitle': 'Your {platform} account',
  'sources.wizard.create': 'Create source',
  'sources.step.platform': 'Platform',
  'sources.step.details': 'Details',
  'sources.step.connect': 'Connect',
  'sources.step.test': 'Test',
  'sources.field.name': 'Source name',
  'sources.field.namePlaceholder': 'e.g. Ana’s shop',
  'sources.field.nameHint': 'Just for you to recognise it: shown on cards and filters.',
  'sources.field.checkoutUrl': 'Product payment link (optional)',
  'sources.field.checkoutUrlHint':
    'Hotmart does not send the checkout link: add it to send to customers who abandoned their cart.',
  'sources.field.clientId': 'Client ID',
  'sources.field.clientSecret': 'Client secret',
  'sources.field.accountId': 'Account ID',
  'sources.field.storeId': 'Store ID',
  'sources.field.apiToken': 'Access token',
  'sources.field.shopDomain': 'Shop domain (my-shop.myshopify.com)',
  'sources.field.adminToken': 'Admin API token (shpat_…)',
  'sources.field.keepStored': 'stored (leave empty to keep)',
  'sources.field.apiBase': 'API address',
  'sources.field.apiBasePlaceholder': 'platform default',
  'sources.field.apiBaseHint': 'Leave empty. Only changes in tests or when support asks.',
  'sources.secret.kiwify': 'Webhook token',
  'sources.secret.hotmart': 'Hottok',
  'sources.secret.nuvemshop': 'App client secret',
  'sources.secret.shopify': 'Webhook signing key',
  'sources.secretHint.kiwify':
    'Recupera creates the webhook token for you. It proves each notice really came from Kiwify.',
  'sources.secretHint.hotmart':
    'In Hotmart: Tools → Webhook (API and notifications) → Settings. Copy the “verification Hottok”.',
  'sources.secretHint.nuvemshop':
    'In the Nuvemshop Partners Portal: Applications → your app → Basic data → “Client secret”.',
  'sources.secretHint.shopify':
    'Webhooks made by hand: Settings → Notifications → Webhooks, the key is shown under the list. With a custom app: the app’s “API secret key”.',
  'sources.auto.legend': 'Automatic setup',
  'sources.auto.toggle': 'Let Recupera set up the webhook on the platform for me',
  'sources.auto.nuvemshopNeeded':
    'Nuvemshop only sends the order number: without the store ID and token, Recupera cannot show orders.',
  'sources.credentialsHint.kiwify':
    'In Kiwify: Apps → API → Create API key. Copy the client_id, client_secret and account_id shown there.',
  'sources.credentialsHint.nuvemshop':
    'The store ID and access token Nuvemshop gave you when installing your app. With them Recupera registers the webhooks and reads orders and abandoned carts.',
  'sources.credentialsHint.shopify':
    'In Shopify admin: Settings → Apps and sales channels → Develop apps → your app → API credentials. Scopes: orders and checkouts.',
  'sources.connect.title': 'Connect {platform} to Recupera',
  'sources.connect.url': 'Webhook address (URL)',
  'sources.connect.localWarning':
    'This address only works on this computer. To receive real sales, Recupera needs its tunnel up (see its state in Settings): with it, Recupera gets a public address and updates the webhooks itself.',
  'sources.connect.autoIntro':
    'With the credentials you gave, Recupera creates the webhook on {platform} pointing at the address above.',
  'sources.connect.register': 'Set up on {platform} now',
  'sources.connect.registering': 'Setting up…',
  'sources.connect.autoFailedHelp':
    'Check the credentials (Edit) and try again, or set it up by hand with the address and secret above.',
  'sources.connect.manualIntro': 'On {platform}, do this:',
  'sources.connect.next': 'Next: test',
  'sources.connect.skipToTest': 'Skip and test',
  'sources.manual.kiwify.1': 'In Kiwify, open Apps → Webhooks → Create webhook.',
  'sources.manual.kiwify.2': 'Name: Recupera. Paste the address above as URL. Products: all.',
  'sources.manual.kiwify.3': 'Paste the token above (use Copy) as Token.',
  'sources.manual.kiwify.4':
    'Tick every event (abandoned cart, PIX and boleto generated, purchase approved, declined, refunded, chargeback and subscriptions) and save.',
  'sources.manual.hotmart.1':
    'In Hotmart, open Tools → Webhook (API and notifications) → Register webhook.',
  'sources.manual.hotmart.2':
    'Name it (Recupera), pick the products and paste the address above as URL. Version: 2.0.0.',
  'sources.manual.hotmart.3':
    'Tick the events: abandoned cart, boleto/PIX printed, purchase approved, canceled, refunded, chargeback, expired, delayed and subscription cancellation.',
  'sources.manual.hotmart.4': 'Save. The Hottok Hotmart shows must be the one you pasted here.',
  'sources.manual.nuvemshop.1':
    'Nuvemshop only creates webhooks through an app: go back, tick automatic setup and enter the store ID and token.',
  'sources.manual.shopify.1':
    'In Shopify admin, open Settings → Notifications → Webhooks → Create webhook.',
  'sources.manual.shopify.2':
    'Create one per event: checkout creation and update, order creation, payment and cancellation, refund creation. Format JSON, URL = the address above.',
  'sources.manual.shopify.3':
    'The key signing these webhooks is shown under the list: it is the secret you pasted.',
  'sources.test.title': 'Send a test event',
  'sources.test.intro':
    'Recupera sends itself a test purchase notice, signed as the platform would. When the card shows up, everything is connected.',
  'sources.test.send': 'Send test event',
  'sources.test.sendAgain': 'Send another',
  'sources.test.waiting': 'Waiting for the test card…',
  'sources.test.arrived': 'All set! The test event arrived:',
  'sources.test.badge': 'test',
  'sources.test.receivedNuvemshop':
    'Received and verified! With Nuvemshop the card appears when a real order arrives: Recupera fetches the order from the store.',
  'sources.test.failed': 'The test did not pass: {message}',
  'sources.test.openInbox': 'See it in conversations',
  'sources.test.done': 'Finish',
  'sources.reg.none': 'webhook not set up yet',
  'sources.reg.registered': 'webhook set up on the platform',
  'sources.reg.manual': 'manual setup',
  'sources.reg.needsManualUpdate': 'the address changed: paste the new address on the platform',
  'sources.reg.unregistered': 'webhook removed from the platform',
  'sources.reg.incomplete': 'setup incomplete: {detail}',
  'sources.reg.failed': 'could not set up: {detail}',
  'sources.reg.checked': 'checked {when}',
  'sources.card.health': 'Health',
  'sources.card.edit': 'Edit',
  'sources.card.rotate': 'Change secret',
  'sources.card.disable': 'Disable',
  'sources.card.enable': 'Enable',
  'sources.card.remove': 'Delete',
  'sources.card.disabled': 'disabled',
  'sources.card.rotating': 'changing secret',
  'sources.health.allGood': 'All good with this source.',
  'sources.health.tunnel': 'Tunnel',
  'sources.health.lastEvent': 'Last event',
  'sources.health.deliveries': 'Last 24 h',
  'sources.health.deliveriesValue':
    '{total} notices received: {stored} stored, {duplicate} repeated, {refused} refused',
  'sources.health.registration': 'Webhook',
  'sources.health.refusals': 'Refused notices (24 h)',
  'sources.health.refresh': 'Refresh',
  'sources.health.check': 'Check on the platform',
  'sources.health.reregister': 'Set up again',
  'sources.health.pasted': 'I pasted the new address',
  'sources.tunnel.off': 'off (this computer only)',
  'sources.tunnel.connecting': 'connecting…',
  'sources.tunnel.up': 'up',
  'sources.tunnel.down': 'down',
  'sources.warn.disabled': 'Source disabled: the platform’s notices are being refused.',
  'sources.warn.tunnel_down': 'The tunnel is down: the platform cannot deliver notices right now.',
  'sources.warn.local_url':
    'The address is local: only this computer reaches it. Bring the tunnel up (state in Settings) to receive from the platform.',
  'sources.warn.no_events':
    'No events for {hours} hours. Check that the webhook is still active on the platform.',
  'sources.warn.refusals': '{count} notices refused in the last 24 h. Last reason: {detail}',
  'sources.warn.duplicate_config':
    'Two webhooks point at this source: every event arrives twice. Delete one of them on the platform.',
  'sources.warn.registration_failed': 'Problem with the webhook setup: {detail}',
  'sources.warn.needs_manual_update':
    'The public address changed: paste the new address in the platform’s panel.',
  'sources.warn.rotating': 'Secret change in progress: the old secret is still accepted.',
  'sources.warn.no_credentials':
    'Without the Nuvemshop token, Recupera cannot read orders. Add it under Edit.',
  'sources.rotate.intro':
    'A new secret is valid from now on; the old one stays accepted until you confirm, so no notice is lost during the change.',
  'sources.rotate.newSecret': 'New secret (copy it from the platform)',
  'sources.rotate.start': 'Change secret',
  'sources.rotate.done': 'Done. Once the platform uses the new secret, confirm the change.',
  'sources.rotate.doneKiwify':
    'Done. If the webhook was set up automatically, Kiwify already has the new token; otherwise paste it in Kiwify’s webhook.',
  'sources.rotate.pending':
    'A change is in progress: the old secret is still accepted. Confirm once the platform uses the new one.',
  'sources.rotate.confirm': 'Confirm change (refuse the old one)',
  'sources.remove.title': 'Delete “{name}”?',
  'sources.remove.explain':
    'Every event this source received and its delivery log are deleted with it. Conversations stay, without this source’s cards. This cannot be undone.',
  'sources.remove.webhooks': 'Recupera also tries to remove the webhook from the platform.',
  'sources.remove.alternative': 'Just want to pause? Use Disable: nothing is deleted.',
  'sources.remove.keep': 'Keep',
  'sources.remove.confirm': 'Delete source and events',
}
