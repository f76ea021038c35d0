import ReactMarkdown from 'react-markdown'
import remarkGfm from 'remark-gfm'

// Raw HTML is dropped (skipHtml) and only http(s)/mailto links survive, so user text can never run script.
const SAFE_URL = /^(https?:|mailto:)/i

export function Markdown({ children }: { children: string }) {
	return (
		<div className="markdown">
			<ReactMarkdown
				remarkPlugins={[remarkGfm]}
				skipHtml
				disallowedElements={['img']}
				unwrapDisallowed
				urlTransform={(url) => (SAFE_URL.test(url.trim()) ? url : '')}
				components={{
					// A link whose URL was refused stays as its text rather than a dead link.
					a: ({ node: _node, href, ...props }) => (href ? <a {...props} href={href} rel="nofollow noopener noreferrer" target="_blank" /> : <span>{props.children}</span>),
				}}
			>
				{children}
			</ReactMarkdown>
		</div>
	)
}
